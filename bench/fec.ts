/**
 * The FEC export of one fiscal year of 5,000,000 entry lines, streamed to an HTTP client.
 * Target (DESIGN.md): streamed, peak memory of the server process under 200 MB.
 *
 *   node --expose-gc --import tsx bench/fec.ts                     # 5,000,000 lines
 *   BENCH_LINES=500000 node --expose-gc --import tsx bench/fec.ts  # a quicker try
 *
 * Where it runs: see bench/support/bench-database.ts (BENCH_DATABASE_URL, or a throw-away
 * database on BENCH_SERVER_URL, default the development server on port 55432).
 *
 *   BENCH_DATABASE_URL=… BENCH_SEED_ONLY=1 node --import tsx bench/fec.ts   # seed a kept database once,
 *   BENCH_DATABASE_URL=… node --import tsx bench/fec.ts                     # then export from it (same BENCH_LINES)
 *
 * The year is written straight into the tables by generate_series, in chunks: every odd entry
 * an invoice (411 debit on one of 2,000 clients' auxiliary accounts / 706 / 44571), every even
 * one the payment that clears it (512 / 411 with the invoice's lettering key), so the export
 * computes lettering for half its 411 lines. The server runs as in production, in its own
 * process: the built JavaScript (built first when stale) under node with the flags of
 * scripts/start.sh, on the bench database. Its peak is the kernel's (VmHWM of
 * /proc/<pid>/status: the most resident memory the process ever had, start and login
 * included), so no sample can miss it and this script's own memory (the seeding, the
 * checker) is not counted. The client checks the whole file as it arrives with the FEC
 * checker (ledger/domain/fec-problems.ts), line by line. Exits with code 1 when the peak is
 * over 200 MB, the file is not complete or the checker finds a problem.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { DEMO_PASSWORD } from '../src/demo/seed-demo.js';
import { openPostgres, type Database } from '../src/platform/db/client.js';
import { migrateDatabase } from '../src/platform/db/migrate.js';
import { createTestCoop } from '../test/support/fixtures.js';
import { setUpLedger } from '../test/support/ledger-fixtures.js';
import { FEC_COLUMNS } from '../src/modules/ledger/domain/fec.js';
import { fecProblemsOfStream } from '../src/modules/ledger/domain/fec-problems.js';
import { prepareBenchDatabase } from './support/bench-database.js';

const LINES = Number(process.env.BENCH_LINES ?? 5_000_000);
const TARGET_RSS_MB = 200;
/** 2.5 lines an entry on average (an invoice of 3 lines, a payment of 2). */
const ENTRIES = Math.round(LINES / 2.5 / 2) * 2;
const CHUNK = 100_000;
const CLIENTS = 2000;

async function seed(database: Database, coopId: string, yearId: string): Promise<void> {
  const db = database.db;
  await db.execute(sql`
    insert into ledger_auxiliary_accounts (coop_id, number, label, kind, party_id)
    select ${coopId}, 'C' || lpad(c::text, 5, '0'), 'Client ' || c, 'client', md5(${coopId} || 'client' || c)::uuid
    from generate_series(1, ${CLIENTS}) c`);
  for (let from = 1; from <= ENTRIES; from += CHUNK) {
    const to = Math.min(ENTRIES, from + CHUNK - 1);
    await db.transaction(async (tx) => {
      // g odd: the invoice; g even: its payment, the next day at most. Keys pair them (g and g - 1).
      await tx.execute(sql`
        insert into ledger_journal_entries (coop_id, fiscal_year_id, number, journal_code, entry_date, label, source_type, source_id, document_ref)
        select ${coopId}, ${yearId}, g, case when g % 2 = 1 then 'VT' else 'BQ' end,
          date '2026-01-01' + ((g * 365::bigint / ${ENTRIES + 1})::int),
          case when g % 2 = 1 then 'Facture F' || g else 'Règlement F' || (g - 1) end,
          case when g % 2 = 1 then 'invoice' else 'payment' end,
          md5(${coopId} || 'entry' || g)::uuid,
          case when g % 2 = 1 then 'F' || g else null end
        from generate_series(${from}::int, ${to}::int) g`);
      await tx.execute(sql`
        insert into ledger_journal_entry_lines (coop_id, entry_id, line_no, account_number, debit_cents, credit_cents, label, entry_date, auxiliary_number, lettering_key)
        select e.coop_id, e.id, v.line_no, v.account, v.debit, v.credit, null, e.entry_date,
          case when v.account = '411' then 'C' || lpad((1 + (e.number - 1 + e.number % 2) % ${CLIENTS})::text, 5, '0') end,
          case when v.account = '411' then md5(${coopId} || 'invoice' || (e.number - 1 + e.number % 2))::uuid end
        from ledger_journal_entries e
        cross join lateral (values
          (1, case when e.number % 2 = 1 then '411' else '512' end, 120000, 0),
          (2, case when e.number % 2 = 1 then '706' else '411' end, 0, case when e.number % 2 = 1 then 100000 else 120000 end),
          (3, '44571', 0, 20000)
        ) as v(line_no, account, debit, credit)
        where e.coop_id = ${coopId} and e.fiscal_year_id = ${yearId} and e.number between ${from} and ${to}
          and (v.line_no < 3 or e.number % 2 = 1)`);
    });
    process.stdout.write(`\r  seeded ${to.toLocaleString('en')} / ${ENTRIES.toLocaleString('en')} entries`);
  }
  await db.execute(sql`insert into number_series (coop_id, series, last_number) values (${coopId}, ${`ledger:${yearId}`}, ${ENTRIES})
    on conflict (coop_id, series) do update set last_number = excluded.last_number`);
  await db.execute(sql`analyze ledger_journal_entries`);
  await db.execute(sql`analyze ledger_journal_entry_lines`);
  process.stdout.write('\n');
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as net.AddressInfo;
  server.close();
  await once(server, 'close');
  return port;
}

/** Resident now and the peak of a process, in kB (/proc/<pid>/status). */
function memoryOf(pid: number): { rssKb: number; hwmKb: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
  return { rssKb: kb('VmRSS'), hwmKb: kb('VmHWM') };
}

/** The built server as `npm start` runs it (scripts/start.sh): same node flags, same allocator setting. */
function startServer(env: NodeJS.ProcessEnv, logFile: string): ChildProcess {
  const log = fs.openSync(logFile, 'w');
  const child = spawn(process.execPath, ['--heap-growing-percent=20', '--max-semi-space-size=2', 'dist/server/cli.js', 'start', '--no-demo'], {
    cwd: ROOT,
    env: { ...env, MALLOC_ARENA_MAX: '2' },
    stdio: ['ignore', log, log],
  });
  fs.closeSync(log);
  return child;
}

async function untilHealthy(base: string, child: ChildProcess): Promise<void> {
  for (const deadline = Date.now() + 300_000; Date.now() < deadline; await sleep(250)) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
  }
  throw new Error('the server did not answer within 300 s');
}

/** Logged in as the web client does: the session cookie, then the CSRF token for the login. */
async function logIn(base: string, email: string): Promise<string> {
  const cookies = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const at = pair!.indexOf('=');
      cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
  };
  const header = () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const session = await fetch(`${base}/api/auth/session`);
  keep(session);
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { cookie: header(), 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (!login.ok) throw new Error(`login answered ${login.status}: ${await login.text()}`);
  keep(login);
  return header();
}

/** The bench coop of an earlier run with this many lines, when the database holds one. */
async function seededBefore(database: Database): Promise<{ coopId: string; yearId: string; adminEmail: string } | null> {
  const { rows } = (await database.db.execute(sql`
    select c.id as "coopId", y.id as "yearId", u.email as "adminEmail"
    from coops c
    join ledger_fiscal_years y on y.coop_id = c.id and y.start_date = '2026-01-01'
    join coop_roles r on r.coop_id = c.id and r.role = 'admin'
    join users u on u.id = r.user_id
    where c.name = 'Coop bench-fec'
      and (select count(*) from ledger_journal_entries e where e.coop_id = c.id and e.fiscal_year_id = y.id) = ${ENTRIES}
    limit 1`)) as unknown as { rows: { coopId: string; yearId: string; adminEmail: string }[] };
  return rows[0] ?? null;
}

async function main() {
  const target = await prepareBenchDatabase();
  let database: Database | undefined;
  let server: ChildProcess | undefined;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mutualise-bench-fec-'));
  try {
    database = await openPostgres(target.url);
    await migrateDatabase(database);
    let seeded = await seededBefore(database);
    console.log(`FEC bench: ${LINES.toLocaleString('en')} lines (${ENTRIES.toLocaleString('en')} entries) in ${target.where}${seeded ? ', seeded by an earlier run' : ''}`);
    if (!seeded) {
      const coop = await createTestCoop(database.db, 'bench-fec');
      await setUpLedger(database.db, coop.id);
      const { rows } = (await database.db.execute(sql`select id from ledger_fiscal_years where coop_id = ${coop.id} and start_date = '2026-01-01'`)) as unknown as { rows: { id: string }[] };
      const t0 = performance.now();
      await seed(database, coop.id, rows[0]!.id);
      console.log(`  seed: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      seeded = { coopId: coop.id, yearId: rows[0]!.id, adminEmail: coop.admin.email };
    }
    await database.close();
    database = undefined;
    if (process.env.BENCH_SEED_ONLY === '1') return;

    // The server as npm start builds it (made again when its sources changed).
    if (spawnSync(process.execPath, ['scripts/build-server-if-stale.mjs'], { cwd: ROOT, stdio: 'inherit' }).status !== 0) throw new Error('the server build failed');
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DATA_DIR: dataDir, DATABASE_URL: target.url, LOG_LEVEL: 'warn', PUBLIC_URL: base };
    const logFile = path.join(dataDir, 'server.log');
    server = startServer(env, logFile);
    await untilHealthy(base, server);
    const cookie = await logIn(base, seeded.adminEmail);
    const atStart = memoryOf(server.pid!);

    const start = performance.now();
    const res = await fetch(`${base}/api/ledger/fec?fiscalYearId=${seeded.yearId}`, { headers: { cookie } });
    let bytes = 0;
    let lines = 0;
    let first = '';
    let tail = '';
    let rssMaxKb = 0;
    const sampler = setInterval(() => (rssMaxKb = Math.max(rssMaxKb, memoryOf(server!.pid!).rssKb)), 100);
    const decoder = new TextDecoder();
    // The body is read once: counted, its ends kept, and every line handed to the checker.
    async function* body() {
      for await (const chunk of res.body!) {
        const text = decoder.decode(chunk, { stream: true });
        bytes += chunk.byteLength;
        for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
        if (first.length < 2000) first += text.slice(0, 2000);
        tail = (tail + text).slice(-2000);
        yield text;
      }
    }
    const problems = await fecProblemsOfStream(body(), { startDate: '2026-01-01', endDate: '2026-12-31' });
    const seconds = (performance.now() - start) / 1000;
    clearInterval(sampler);
    const after = memoryOf(server.pid!);

    const mb = (kb: number) => (kb / 1024).toFixed(0);
    const last = tail.trimEnd().split('\r\n').at(-1)!;
    console.log(`  export: ${seconds.toFixed(1)} s, ${(bytes / 1024 / 1024).toFixed(0)} MB, ${(lines - 1).toLocaleString('en')} lines, ${Math.round((lines - 1) / seconds).toLocaleString('en')} lines/s`);
    console.log(`  server process: ${mb(atStart.rssKb)} MB resident once logged in, ${mb(rssMaxKb)} MB the most seen during the download, peak ever (VmHWM) ${mb(after.hwmKb)} MB   target < ${TARGET_RSS_MB} MB: ${after.hwmKb / 1024 < TARGET_RSS_MB ? 'ok' : 'MISSED'}`);
    console.log(`  file: ${res.headers.get('content-disposition')}`);
    console.log(`  last line: ${last}`);
    console.log(`  checker: ${problems.length ? problems.slice(0, 5).join('; ') : 'no problem in the whole file'}`);
    const missed: string[] = [];
    if (res.status !== 200) missed.push(`status ${res.status}`);
    if (first.split('\r\n')[0] !== FEC_COLUMNS.join('\t')) missed.push('the header is not the 18 columns');
    if (lines - 1 !== Math.round(ENTRIES / 2) * 5) missed.push(`${lines - 1} lines instead of ${Math.round(ENTRIES / 2) * 5}`);
    if (!last.startsWith(`BQ\tBanque\t${ENTRIES}\t`)) missed.push('the last line is not the last entry');
    if (problems.length) missed.push(`${problems.length} problem(s) in the file`);
    if (after.hwmKb / 1024 >= TARGET_RSS_MB) missed.push(`peak RSS ${mb(after.hwmKb)} MB`);
    if (missed.length) {
      console.log(`MISSED: ${missed.join('; ')}`);
      process.exitCode = 1;
    }
  } finally {
    if (server && server.exitCode === null) {
      server.kill('SIGTERM');
      await once(server, 'exit');
    }
    await database?.close();
    await target.drop?.();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
