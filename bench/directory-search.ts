/**
 * Directory search over a cooperative of 10,000 member profiles (DESIGN.md: p95 < 100 ms).
 * Measured through the real HTTP app (createServer, app.inject) with logged-in sessions, so each
 * figure includes the session, the viewer's scope, the visibility rule and the serialisation.
 *
 *   BENCH_SERVER_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/directory-search.ts
 *
 * Where it runs: bench/support/bench-database.ts (a fresh database, dropped at the end). Knobs:
 *   BENCH_SCALE=1         multiplies the number of profiles
 *   BENCH_REQUESTS=200    measured requests per scenario (after 20 warm-up requests)
 *
 * The load: the coop and its members by bench/support/load-coop.ts (set-based), then one
 * directory profile per member, written from the member's trade, skills and city with a mix
 * of visibility choices, its search texts folded by the same domain function the app uses,
 * inserted 1,000 rows a statement.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { eq, sql } from 'drizzle-orm';
import { hashPassword } from '../src/platform/auth/passwords.js';
import { loadConfig } from '../src/platform/config.js';
import { openPostgres, type Database } from '../src/platform/db/client.js';
import { migrateDatabase } from '../src/platform/db/migrate.js';
import { localDiskStorage } from '../src/platform/files/local-disk-storage.js';
import { DEMO_PASSWORD } from '../src/demo/seed-demo.js';
import { normalizeSearch } from '../src/modules/directory/domain/normalize-search.js';
import { DEFAULT_VISIBILITY, searchTextsOf, type FieldVisibility, type Visibility } from '../src/modules/directory/domain/visible-profile.js';
import { directoryProfiles } from '../src/modules/directory/schema.js';
import { members } from '../src/modules/members/schema.js';
import { createServer } from '../src/server.js';
import { TestClient } from '../test/support/app.js';
import { prepareBenchDatabase } from './support/bench-database.js';
import { randomSource } from './support/french-names.js';
import { loadCoop } from './support/load-coop.js';
import { rows } from './support/bench-sql.js';
import { measureRequests } from './support/measure-requests.js';

const TARGET_P95_MS = 100;
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const WARM_UP = 20;
const PROFILES = Math.round(10_000 * SCALE);
const AVAILABILITIES = ['available', 'partly', 'unavailable'] as const;

async function load(db: Database['db']) {
  const started = performance.now();
  const coop = await loadCoop(db, { label: 'bench-directory', seed: 16, size: { members: PROFILES, activities: 50, clients: 50 }, passwordHash: await hashPassword(DEMO_PASSWORD) });
  const rnd = randomSource(1616);
  const pick = (): Visibility => { const r = rnd.int(0, 9); return r < 2 ? 'hidden' : r < 8 ? 'members' : 'public'; };
  const file = await db.select().from(members).where(eq(members.coopId, coop.id));
  const rows = file.map((m) => {
    const visibility: FieldVisibility = { ...DEFAULT_VISIBILITY, trade: pick(), skills: pick(), city: pick(), availability: pick(), pitch: pick(), poles: pick(), languages: pick() };
    const name = `${m.firstName} ${m.lastName}`;
    const trade = m.trades[0] ? m.trades[0][0]!.toUpperCase() + m.trades[0].slice(1) : null;
    const fields = { name, visibility, trade, skills: m.skills, poles: m.pole ? [m.pole] : [], sectors: [], pitch: m.bio, city: m.city, languages: rnd.chance(0.4) ? ['Français', 'Anglais'] : ['Français'] };
    const texts = searchTextsOf(fields);
    return {
      coopId: coop.id,
      memberId: m.id,
      ...fields,
      nameSort: normalizeSearch(name),
      listed: rnd.chance(0.3),
      skillsNorm: m.skills.map(normalizeSearch),
      cityNorm: m.city ? normalizeSearch(m.city) : null,
      availability: AVAILABILITIES[rnd.int(0, 2)]!,
      phone: m.phone,
      email: m.email,
      searchStaff: texts.staff,
      searchMembers: texts.members,
      searchPublic: texts.public,
    };
  });
  for (let i = 0; i < rows.length; i += 1000) await db.insert(directoryProfiles).values(rows.slice(i, i + 1000));
  await db.execute(sql`analyze directory_profiles`);
  await db.execute(sql`insert into directory_settings (coop_id, public_directory, public_slug) values (${coop.id}, true, 'bench-directory')`);
  console.log(`loaded ${rows.length.toLocaleString('en')} profiles in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  return coop;
}

interface Scenario {
  name: string;
  as: 'staff' | 'member' | 'public';
  url: (i: number) => string;
  check: (body: any) => string | null;
}

async function measure(client: TestClient, s: Scenario) {
  return { ...s, ...(await measureRequests(client, s, { warmUp: WARM_UP, requests: REQUESTS })) };
}

async function main() {
  const target = await prepareBenchDatabase();
  let database: Database | undefined;
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'mutualise-bench-'));
  try {
    database = await openPostgres(target.url);
    const db = database.db;
    console.log(`database ${target.where}; ${os.cpus().length} CPUs; ${PROFILES.toLocaleString('en')} profiles`);
    await migrateDatabase(database);
    const coop = await load(db);
    const config = loadConfig({ DATA_DIR: dataDir, WEB_DIR: path.join(dataDir, 'no-web'), PUBLIC_URL: 'http://mutualise.bench', LOG_LEVEL: 'warn' });
    const app = await createServer({ config, database, storage: localDiskStorage(path.join(dataDir, 'files')), logger: false });
    await app.ready();
    const sessions = { staff: new TestClient(app), member: new TestClient(app), public: new TestClient(app) };
    await sessions.staff.login(coop.staff.email, DEMO_PASSWORD);
    await sessions.member.login(coop.member.email, DEMO_PASSWORD);

    const some = (b: any) => (b.total > 0 && b.items.length > 0 ? null : 'nothing found');
    // Members who left are not listed to members: the pages hold the others.
    const [{ listed }] = await rows<{ listed: number }>(
      db,
      sql`select count(*)::int as listed from directory_profiles p join members m on m.coop_id = p.coop_id and m.id = p.member_id where p.coop_id = ${coop.id} and m.status <> 'left'`,
    );
    const fullPages = Math.floor(listed / 24);
    const words = ['electricien', 'developpeuse', 'ebenisterie', 'traductrice', 'menuisier', 'thermique', 'couturiere', 'paysagiste'];
    const skills = ['accessibilite', 'ebenisterie', 'identite visuelle', 'securite', 'traduction', 'patisserie', 'agencement', 'SEO'];
    const cities = ['lyon', 'saint-etienne', 'nimes', 'besancon', 'evreux', 'beziers'];
    const scenarios: Scenario[] = [
      { name: 'empty query, page 1', as: 'member', url: () => '/api/directory?page=1&pageSize=24', check: (b) => (b.total === listed ? null : `total ${b.total}, expected ${listed}`) },
      { name: 'empty query, deep page', as: 'member', url: (i) => `/api/directory?page=${1 + ((i * 37) % fullPages)}&pageSize=24`, check: (b) => (b.items.length === 24 ? null : 'short page') },
      { name: 'a skill (filter, no accents)', as: 'member', url: (i) => `/api/directory?skill=${encodeURIComponent(skills[i % 6]!)}`, check: () => null },
      { name: 'a word of a trade, no accents', as: 'member', url: (i) => `/api/directory?q=${words[i % words.length]}`, check: some },
      { name: 'a partial word ("develop")', as: 'member', url: () => '/api/directory?q=develop', check: some },
      { name: 'city + availability', as: 'member', url: (i) => `/api/directory?city=${cities[i % cities.length]}&availability=available`, check: some },
      { name: 'two words, staff (all fields)', as: 'staff', url: (i) => `/api/directory?q=${words[i % words.length]}+${cities[i % cities.length]}`, check: () => null },
      { name: 'public directory, a word', as: 'public', url: (i) => `/api/directory/public/bench-directory?q=${words[i % words.length]}`, check: () => null },
    ];
    const figures = [];
    for (const s of scenarios) figures.push(await measure(sessions[s.as], s));
    await app.close();

    const ms = (v: number) => v.toFixed(1).padStart(7);
    const header = `${'scenario'.padEnd(34)} ${'as'.padEnd(7)} ${'n'.padStart(4)} ${'p50 ms'.padStart(7)} ${'p95 ms'.padStart(7)} ${'max ms'.padStart(7)}  target  result`;
    console.log(header);
    console.log('-'.repeat(header.length + 4));
    let failed = 0;
    for (const f of figures) {
      const error = f.error ?? null;
      const verdict = error ? `WRONG: ${error}` : f.p95 < TARGET_P95_MS ? 'ok' : 'SLOW';
      if (verdict !== 'ok') failed++;
      console.log(`${f.name.padEnd(34)} ${f.as.padEnd(7)} ${String(f.n).padStart(4)} ${ms(f.p50)} ${ms(f.p95)} ${ms(f.max)}  <${TARGET_P95_MS} ms  ${verdict}`);
    }
    if (failed) process.exitCode = 1;
  } finally {
    await database?.close();
    await target.drop?.();
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

await main();
