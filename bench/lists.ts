/**
 * Lists and detail pages of members, activities and clients at the volume DESIGN.md holds
 * them to: a cooperative of 10,000 members, 12,000 activities and 20,000 clients, beside a
 * second cooperative of the same size (every query must stay within its tenant).
 * Target: p95 < 100 ms for every measured request.
 *
 *   npx tsx bench/lists.ts
 *
 * Where it runs (PostgreSQL only; the targets are for PostgreSQL 15):
 *   BENCH_DATABASE_URL (or DATABASE_URL)  an existing, empty database to load into; it is
 *       migrated and kept afterwards (the audit log is append-only, so the load cannot be
 *       undone). Refused if it already holds a cooperative.
 *   BENCH_SERVER_URL  when neither is set: a server where the bench creates its own database
 *       (mutualise_bench_<random>) and drops it at the end.
 *       Default: postgres://postgres@127.0.0.1:55432/postgres (the development server).
 * Knobs:
 *   BENCH_REQUESTS=200     measured requests per scenario (after 20 warm-up requests)
 *   BENCH_SCALE=1          multiplies the sizes (0.1 for a quick try)
 *   BENCH_KEEP_DATABASE=1  keep the created database to EXPLAIN queries by hand
 *
 * The data is written straight into the tables (multi-row INSERTs), except the cooperatives
 * and their staff, created by the services. Every figure is measured through the real HTTP
 * app (createServer, app.inject) with logged-in admin, staff and member sessions, so it
 * includes session lookup, validation of the query, and serialisation of the response.
 * Exits with code 1 when a scenario misses the target or answers wrongly.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql, type SQL } from 'drizzle-orm';
import { hashPassword } from '../src/platform/auth/passwords.js';
import { loadConfig } from '../src/platform/config.js';
import { openPostgres, type Database } from '../src/platform/db/client.js';
import { migrateDatabase } from '../src/platform/db/migrate.js';
import { localDiskStorage } from '../src/platform/files/local-disk-storage.js';
import { DEMO_PASSWORD } from '../src/demo/seed-demo.js';
import { createServer } from '../src/server.js';
import { TestClient } from '../test/support/app.js';
import { ascii, randomSource } from './support/french-names.js';
import { prepareBenchDatabase } from './support/bench-database.js';
import { loadCoop, type LoadedCoop } from './support/load-coop.js';
import { measureRequests } from './support/measure-requests.js';

const TARGET_P95_MS = 100;
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const WARM_UP = 20;
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const SIZE = { members: Math.round(10_000 * SCALE), activities: Math.round(12_000 * SCALE), clients: Math.round(20_000 * SCALE) };

type Session = 'admin' | 'staff' | 'member';

interface Scenario {
  name: string;
  as: Session;
  url: (i: number) => string;
  /** A reason the answer is wrong, or null: a fast wrong answer proves nothing. */
  check?: (body: any, i: number) => string | null;
}

interface Figures {
  name: string;
  as: Session;
  n: number;
  p50: number;
  p95: number;
  max: number;
  rows: string;
  error: string | null;
}

const fold = (s: string) => ascii(s).replace(/-/g, ' ');
const cycle = <T>(list: readonly T[], i: number) => list[i % list.length];

async function measure(client: TestClient, s: Scenario): Promise<Figures> {
  return { name: s.name, as: s.as, ...(await measureRequests(client, s, { warmUp: WARM_UP, requests: REQUESTS })) };
}

function scenarios(coop: LoadedCoop, totals: { members: number; activities: number; clients: number }): Scenario[] {
  const rnd = randomSource(42);
  const any = <T>(list: T[]) => () => list[rnd.int(0, list.length - 1)];
  const memberId = any(coop.memberIds);
  const activityId = any(coop.activityIds);
  const clientId = any(coop.clientIds);
  const siren = any(coop.sirens);
  const pages = Math.ceil(totals.members / 25);

  const memberFragments = ['eti', 'hel', 'noe', 'fran', 'zoe', 'gael', 'leve', 'cote', 'chenev', 'ines'];
  const statusSkills = [
    ['employee', 'menuiserie'],
    ['associate', 'comptabilité'],
    ['in_support', 'traduction'],
    ['active', 'coaching'],
    ['employee', 'développement web'],
  ];
  const activityFragments = ['menuis', 'eti', 'graphi', 'lefev', 'elec', 'atelier', 'LEGARE-0'];
  const broadFragments = ['a', 'sa', 'er', 'contact'];
  const clientFragments = ['boulang', 'mairie de sete', 'patiss', 'ebeni', 'hotel', 'guerin', 'office de tourisme'];
  // A search answers the rows whose folded text holds the folded fragment.
  const allMatch = (texts: (item: any) => string, fragment: string) => (body: any) => {
    const miss = body.items.find((it: any) => !fold(texts(it)).includes(fold(fragment)));
    return miss ? `${JSON.stringify(miss).slice(0, 120)} does not match "${fragment}"` : body.total === 0 ? `nothing found for "${fragment}"` : null;
  };
  const memberText = (m: any) => `${m.firstName} ${m.lastName} ${m.email} ${m.companyName ?? ''}`;

  return [
    {
      name: 'members: list, page 1',
      as: 'staff',
      url: () => '/api/members?page=1&pageSize=25',
      check: (b) => (b.total !== totals.members ? `total ${b.total}, expected ${totals.members} (tenancy?)` : null),
    },
    { name: 'members: list, deep page', as: 'staff', url: () => `/api/members?page=${rnd.int(Math.max(1, pages - 100), pages)}&pageSize=25`, check: (b) => (b.items.length === 0 ? 'empty page' : null) },
    {
      name: 'members: search "eti" (accents)',
      as: 'staff',
      url: (i) => `/api/members?q=${encodeURIComponent(cycle(memberFragments, i))}`,
      check: (b, i) => {
        const fragment = cycle(memberFragments, i);
        if (fragment === 'eti' && !b.items.some((m: any) => m.firstName === 'Étienne' || m.lastName === 'Étienne')) return '"eti" does not find Étienne';
        return allMatch(memberText, fragment)(b);
      },
    },
    {
      name: 'members: status + skill',
      as: 'staff',
      url: (i) => `/api/members?status=${cycle(statusSkills, i)[0]}&skill=${encodeURIComponent(cycle(statusSkills, i)[1])}`,
      check: (b, i) => {
        const [status, skill] = cycle(statusSkills, i);
        return b.total === 0 ? 'nothing found' : b.items.some((m: any) => m.status !== status || !m.skills.includes(skill)) ? 'a member outside the filter' : null;
      },
    },
    { name: 'members: detail', as: 'staff', url: () => `/api/members/${memberId()}` },
    {
      name: 'activities: list, page 1',
      as: 'staff',
      url: () => '/api/activities?page=1&pageSize=25',
      check: (b) => (b.total !== totals.activities ? `total ${b.total}, expected ${totals.activities} (tenancy?)` : null),
    },
    {
      name: 'activities: search',
      as: 'staff',
      url: (i) => `/api/activities?q=${encodeURIComponent(cycle(activityFragments, i))}`,
      check: (b, i) => allMatch((a) => `${a.code} ${a.name}`, cycle(activityFragments, i))(b),
    },
    { name: 'activities: detail', as: 'staff', url: () => `/api/activities/${activityId()}`, check: (b) => (b.holders.length === 0 ? 'no holder' : null) },
    {
      name: 'clients: list, page 1',
      as: 'staff',
      url: () => '/api/clients?page=1&pageSize=25',
      check: (b) => (b.total !== totals.clients ? `total ${b.total}, expected ${totals.clients} (tenancy?)` : null),
    },
    {
      name: 'clients: search by name',
      as: 'staff',
      url: (i) => `/api/clients?q=${encodeURIComponent(cycle(clientFragments, i))}`,
      check: (b, i) => allMatch((c) => `${c.name} ${c.email ?? ''}`, cycle(clientFragments, i))(b),
    },
    {
      // Thousands of matches: the page is read in alphabetical order, not sorted (amongMatches).
      name: 'clients: search, broad fragment',
      as: 'staff',
      url: (i) => `/api/clients?q=${encodeURIComponent(cycle(broadFragments, i))}`,
      check: (b, i) => (b.total <= 2_000 * SCALE ? `only ${b.total} matches for "${cycle(broadFragments, i)}"` : allMatch((c) => `${c.name} ${c.email ?? ''}`, cycle(broadFragments, i))(b)),
    },
    {
      name: 'clients: search by SIREN',
      as: 'staff',
      url: (i) => {
        const s = siren();
        return `/api/clients?q=${encodeURIComponent(i % 2 ? `${s.slice(0, 3)} ${s.slice(3, 6)} ${s.slice(6)}` : s)}`;
      },
      check: (b) => (b.total !== 1 ? `${b.total} clients found for one SIREN` : null),
    },
    { name: 'clients: detail', as: 'staff', url: () => `/api/clients/${clientId()}` },
    { name: 'dashboard (admin)', as: 'admin', url: () => '/api/dashboard', check: (b) => (b.coop?.members.total !== totals.members ? `members ${b.coop?.members.total}` : null) },
    {
      name: 'member: my activities',
      as: 'member',
      url: () => '/api/activities',
      check: (b) => (b.total !== coop.member.activityIds.length ? `${b.total} activities, expected ${coop.member.activityIds.length}` : null),
    },
    { name: 'member: my clients', as: 'member', url: () => '/api/clients', check: (b) => (b.total < 30 ? `${b.total} clients, expected 30 or more` : null) },
    { name: 'member: my dashboard', as: 'member', url: () => '/api/dashboard', check: (b) => (b.me?.memberId !== coop.member.memberId ? 'not my file' : null) },
  ];
}

function printTable(figures: Figures[]) {
  const ms = (v: number) => v.toFixed(1).padStart(7);
  const header = `${'scenario'.padEnd(34)} ${'as'.padEnd(6)} ${'n'.padStart(4)} ${'p50 ms'.padStart(7)} ${'p95 ms'.padStart(7)} ${'max ms'.padStart(7)}  ${'rows'.padEnd(14)} result`;
  console.log(header);
  console.log('-'.repeat(header.length + 6));
  for (const f of figures) {
    const verdict = f.error ? `WRONG: ${f.error}` : f.p95 < TARGET_P95_MS ? 'ok' : `SLOW (p95 ≥ ${TARGET_P95_MS} ms)`;
    console.log(`${f.name.padEnd(34)} ${f.as.padEnd(6)} ${String(f.n).padStart(4)} ${ms(f.p50)} ${ms(f.p95)} ${ms(f.max)}  ${f.rows.padEnd(14)} ${verdict}`);
  }
}

async function main() {
  const target = await prepareBenchDatabase();
  let database: Database | undefined;
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'mutualise-bench-'));
  try {
    database = await openPostgres(target.url);
    const db = database.db;
    const one = async <T>(query: SQL) => ((await db.execute(query)) as unknown as { rows: T[] }).rows[0];
    const { version } = await one<{ version: string }>(sql`select current_setting('server_version') as version`);
    console.log(`PostgreSQL ${version}, database ${target.where}; ${os.cpus().length} CPUs; ${REQUESTS} requests per scenario`);
    await migrateDatabase(database);
    const { n } = await one<{ n: number }>(sql`select count(*)::int as n from coops`);
    if (n > 0) throw new Error('the database already holds cooperatives: point BENCH_DATABASE_URL at an empty database');

    const loadStarted = performance.now();
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const coop = await loadCoop(db, { label: 'bench-a', seed: 1, size: SIZE, passwordHash });
    // The neighbour: same size, never to appear in coop A's lists (the totals are checked).
    await loadCoop(db, { label: 'bench-b', seed: 2, size: SIZE, passwordHash });
    await db.execute(sql`vacuum analyze`);
    const loadSeconds = (performance.now() - loadStarted) / 1000;
    console.log(`Loaded two cooperatives in ${loadSeconds.toFixed(1)} s; each: ${Object.entries(coop.counts).map(([k, v]) => `${v} ${k}`).join(', ')}`);

    const config = loadConfig({ DATA_DIR: dataDir, WEB_DIR: path.join(dataDir, 'no-web'), PUBLIC_URL: 'http://mutualise.bench', LOG_LEVEL: 'warn' });
    const app = await createServer({ config, database, storage: localDiskStorage(path.join(dataDir, 'files')), logger: false });
    await app.ready();
    const sessions: Record<Session, TestClient> = { admin: new TestClient(app), staff: new TestClient(app), member: new TestClient(app) };
    await sessions.admin.login(coop.admin.email, DEMO_PASSWORD);
    await sessions.staff.login(coop.staff.email, DEMO_PASSWORD);
    await sessions.member.login(coop.member.email, DEMO_PASSWORD);

    const { liveClients } = await one<{ liveClients: number }>(sql`select count(*)::int as "liveClients" from clients where coop_id = ${coop.id} and archived_at is null`);
    const figures: Figures[] = [];
    for (const s of scenarios(coop, { members: SIZE.members, activities: SIZE.activities, clients: liveClients })) {
      figures.push(await measure(sessions[s.as], s));
    }
    await app.close();

    console.log('');
    printTable(figures);
    console.log(`\nLoad: ${loadSeconds.toFixed(1)} s. Target: p95 < ${TARGET_P95_MS} ms (DESIGN.md).`);
    const failed = figures.filter((f) => f.error || f.p95 >= TARGET_P95_MS);
    if (failed.length) {
      console.log(`${failed.length} scenario(s) missed: ${failed.map((f) => f.name).join('; ')}`);
      process.exitCode = 1;
    }
  } finally {
    await database?.close();
    await target.drop?.();
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
