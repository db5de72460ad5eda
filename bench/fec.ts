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
 * The year is written straight into the tables by generate_series, in chunks: every odd entry
 * an invoice (411 debit on one of 2,000 clients' auxiliary accounts / 706 / 44571), every even
 * one the payment that clears it (512 / 411 with the invoice's lettering key), so the export
 * computes lettering for half its 411 lines. The export is read through the real app listening
 * on a port, by a client that counts the bytes and throws them away; the server's RSS is
 * sampled every 20 ms during the download. Exits with code 1 when the peak is over 200 MB, the
 * file is not complete or the FEC checker finds a problem in its first and last lines.
 */
import http from 'node:http';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { DEMO_PASSWORD } from '../src/demo/seed-demo.js';
import { loadConfig } from '../src/platform/config.js';
import { openPostgres, type Database } from '../src/platform/db/client.js';
import { migrateDatabase } from '../src/platform/db/migrate.js';
import { localDiskStorage } from '../src/platform/files/local-disk-storage.js';
import { createServer } from '../src/server.js';
import { TestClient } from '../test/support/app.js';
import { createTestCoop } from '../test/support/fixtures.js';
import { setUpLedger } from '../test/support/ledger-fixtures.js';
import { FEC_COLUMNS } from '../src/modules/ledger/domain/fec.js';
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

async function main() {
  const target = await prepareBenchDatabase();
  let database: Database | undefined;
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'mutualise-bench-fec-'));
  try {
    database = await openPostgres(target.url);
    await migrateDatabase(database);
    const coop = await createTestCoop(database.db, 'bench-fec');
    await setUpLedger(database.db, coop.id);
    const { rows } = (await database.db.execute(sql`select id from ledger_fiscal_years where coop_id = ${coop.id} and start_date = '2026-01-01'`)) as unknown as { rows: { id: string }[] };
    const yearId = rows[0]!.id;
    console.log(`FEC bench: ${LINES.toLocaleString('en')} lines (${ENTRIES.toLocaleString('en')} entries) in ${target.where}`);
    const t0 = performance.now();
    await seed(database, coop.id, yearId);
    console.log(`  seed: ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const config = loadConfig({ DATA_DIR: dataDir, WEB_DIR: path.join(dataDir, 'no-web'), PUBLIC_URL: 'http://mutualise.bench', LOG_LEVEL: 'warn' });
    const app = await createServer({ config, database, storage: localDiskStorage(path.join(dataDir, 'files')), logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const port = (app.server.address() as { port: number }).port;
    // Logged in as the web client does (CSRF token, session cookie), then the cookie goes with a plain HTTP GET.
    const client = new TestClient(app);
    await client.login(coop.admin.email, DEMO_PASSWORD);
    const cookie = (client as unknown as { cookieHeader(): string }).cookieHeader();

    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const start = performance.now();
    const result = await new Promise<{ status: number; bytes: number; lines: number; first: string; last: string; name: string }>((resolve, reject) => {
      http
        .get({ host: '127.0.0.1', port, path: `/api/ledger/fec?fiscalYearId=${yearId}`, headers: { cookie } }, (res) => {
          let bytes = 0;
          let lines = 0;
          let first = '';
          let tail = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            bytes += Buffer.byteLength(chunk);
            for (let i = chunk.indexOf('\n'); i !== -1; i = chunk.indexOf('\n', i + 1)) lines++;
            if (first.length < 2000) first += chunk.slice(0, 2000);
            tail = (tail + chunk).slice(-2000);
          });
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, bytes, lines, first: first.split('\r\n')[0]!, last: tail.trimEnd().split('\r\n').at(-1)!, name: String(res.headers['content-disposition']) }),
          );
          res.on('error', reject);
        })
        .on('error', reject);
    });
    const seconds = (performance.now() - start) / 1000;
    clearInterval(sampler);
    await app.close();

    const mb = (n: number) => (n / 1024 / 1024).toFixed(0);
    console.log(`  export: ${seconds.toFixed(1)} s, ${(result.bytes / 1024 / 1024).toFixed(0)} MB, ${(result.lines - 1).toLocaleString('en')} lines, ${Math.round((result.lines - 1) / seconds).toLocaleString('en')} lines/s`);
    console.log(`  server RSS: ${mb(rssBefore)} MB before, peak ${mb(peak)} MB during the download (target < ${TARGET_RSS_MB} MB)`);
    console.log(`  file: ${result.name}`);
    console.log(`  last line: ${result.last}`);
    const problems: string[] = [];
    if (result.status !== 200) problems.push(`status ${result.status}`);
    if (result.first !== FEC_COLUMNS.join('\t')) problems.push('the header is not the 18 columns');
    if (result.lines - 1 !== Math.round(ENTRIES / 2) * 5) problems.push(`${result.lines - 1} lines instead of ${Math.round(ENTRIES / 2) * 5}`);
    if (!result.last.startsWith(`BQ\tBanque\t${ENTRIES}\t`)) problems.push('the last line is not the last entry');
    if (peak / 1024 / 1024 >= TARGET_RSS_MB) problems.push(`peak RSS ${mb(peak)} MB`);
    if (problems.length) {
      console.log(`MISSED: ${problems.join('; ')}`);
      process.exitCode = 1;
    }
  } finally {
    await database?.close();
    await target.drop?.();
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

await main();
