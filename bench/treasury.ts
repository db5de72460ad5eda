/**
 * The activity treasury and the coop-wide treasury at the volume DESIGN.md holds them to: a
 * cooperative of 10,000 activities with 1,000,000 validated invoices and their sales entries,
 * 70 % of them paid (a bank entry each), and a salary entry per activity: about 5.5 million
 * entry lines. Measured through the real HTTP app (createServer, app.inject) with logged-in
 * sessions, so each figure includes the session, the scope check and the serialisation.
 * Target: p95 < 100 ms for every scenario.
 *
 *   npx tsx bench/treasury.ts
 *
 * Where it runs: see bench/support/bench-database.ts (BENCH_DATABASE_URL, BENCH_SERVER_URL,
 * BENCH_KEEP_DATABASE). A database kept by an earlier run (BENCH_DATABASE_URL, same BENCH_SCALE)
 * is measured again without loading it anew: the load takes most of an hour at full scale. Knobs:
 *   BENCH_SCALE=1         multiplies the sizes (0.1: 100,000 invoices over 1,000 activities)
 *   BENCH_REQUESTS=200    measured requests per scenario (after 20 warm-up requests)
 *
 * How the data is loaded (as bench/invoices.ts does): one invoice is drafted and validated
 * through the services, one payment and one salary entry posted through the ledger, then each
 * is cloned in SQL with its own ids, dates and activity, triggers off (as a restore would);
 * the totals the ledger's trigger keeps (daily, monthly, per activity) and the treasury's
 * balances per activity (treasury_activity_balances) are then built by grouped INSERTs,
 * exactly what their migrations do for existing lines. A kept database is brought to the
 * current schema by the migrations at start (the treasury balances' migration fills them).
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { hashPassword } from '../src/platform/auth/passwords.js';
import { loadConfig } from '../src/platform/config.js';
import { openPostgres, type Database, type Db } from '../src/platform/db/client.js';
import { migrateDatabase } from '../src/platform/db/migrate.js';
import { localDiskStorage } from '../src/platform/files/local-disk-storage.js';
import type { Actor } from '../src/platform/http/context.js';
import { DEMO_PASSWORD } from '../src/demo/seed-demo.js';
import { createDraftInvoice, validateInvoice } from '../src/modules/invoicing/index.js';
import { ACCOUNTS, ensureChartOfAccounts, JOURNALS, paymentEntry, postEntry } from '../src/modules/ledger/index.js';
import { createServer } from '../src/server.js';
import { TestClient } from '../test/support/app.js';
import { prepareBenchDatabase } from './support/bench-database.js';
import { ascii } from './support/french-names.js';
import { ADVISORS, loadCoop } from './support/load-coop.js';
import { rows, columnsOf, cloneStatement } from './support/bench-sql.js';
import { measureRequests } from './support/measure-requests.js';

const TARGET_P95_MS = 100;
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const WARM_UP = 20;
const INVOICES = Math.round(1_000_000 * SCALE);
const ACTIVITIES = Math.round(10_000 * SCALE);
const BATCH = 50_000;
const YEAR = 2026;
const TODAY = `${YEAR}-11-23`;
const SPREAD_DAYS = 320;




interface Scenario {
  name: string;
  as: 'staff' | 'member';
  url: (i: number) => string;
  check: (body: any) => string | null;
}

async function measure(client: TestClient, s: Scenario) {
  return { name: s.name, as: s.as, ...(await measureRequests(client, s, { warmUp: WARM_UP, requests: REQUESTS })) };
}

/** The bench coop an earlier run loaded at this scale in the same database, if there is one. */
async function loadedBefore(db: Db): Promise<{ coop: { id: string; staff: { email: string }; member: { email: string; activityIds: string[] } }; activityIds: string[] } | null> {
  const [coop] = await rows<{ id: string; invoices: number }>(
    db,
    sql`select c.id, (select count(*)::int from invoices i where i.coop_id = c.id) as invoices from coops c where c.name = 'Coopérative bench-treasury'`,
  );
  if (!coop || coop.invoices !== INVOICES + 1) return null;
  const [staff] = await rows<{ email: string }>(
    db,
    sql`select u.email from users u join coop_roles r on r.user_id = u.id where r.coop_id = ${coop.id} and r.role = 'staff' and u.email like ${`${ascii(ADVISORS[0]!)}.0@%`}`,
  );
  const [member] = await rows<{ email: string; id: string }>(db, sql`select u.email, m.id from users u join members m on m.user_id = u.id where m.coop_id = ${coop.id} and u.email like 'etienne.lefevre@%'`);
  const mine = await rows<{ id: string }>(db, sql`select activity_id as id from activity_members where coop_id = ${coop.id} and member_id = ${member!.id} order by activity_id`);
  const activityIds = (await rows<{ id: string }>(db, sql`select id from activities where coop_id = ${coop.id} order by id`)).map((r) => r.id);
  console.log('Measured on the coop an earlier run loaded in this database.\n');
  return { coop: { id: coop.id, staff: staff!, member: { email: member!.email, activityIds: mine.map((r) => r.id) } }, activityIds };
}

/** The cooperative, its invoices, payments and salaries, and the ledger's kept totals (see the head of this file). */
async function load(db: Db) {
  const [{ n: coopCount }] = await rows<{ n: number }>(db, sql`select count(*)::int as n from coops`);
  if (coopCount > 0) throw new Error('the database already holds cooperatives that are not a loaded bench of this scale: point BENCH_DATABASE_URL at an empty database');

  const loadStarted = performance.now();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const coop = await loadCoop(db, { label: 'bench-treasury', seed: 11, size: { members: ACTIVITIES, activities: ACTIVITIES, clients: Math.round(20_000 * SCALE) }, passwordHash });
  await ensureChartOfAccounts(db, coop.id, { today: TODAY });
  const [staff] = await rows<{ id: string }>(db, sql`select u.id from users u where u.email = ${coop.staff.email}`);
  const actor: Actor = { coopId: coop.id, userId: staff!.id, roles: ['staff'], ip: '127.0.0.1', locale: 'fr' };
  const activityIds = (await rows<{ id: string }>(db, sql`select id from activities where coop_id = ${coop.id} order by id`)).map((r) => r.id);
  const [client] = await rows<{ id: string }>(
    db,
    sql`select c.id from clients c where c.coop_id = ${coop.id} and c.archived_at is null
        and exists (select 1 from client_addresses a where a.coop_id = c.coop_id and a.client_id = c.id and a.kind = 'billing') limit 1`,
  );

  // The templates, through the services: an invoice, its payment, a month's salary.
  // The template is drafted through the services, which take only an active activity; its clones go to every activity.
  const [{ id: templateActivity }] = await rows<{ id: string }>(db, sql`select id from activities where coop_id = ${coop.id} and status = 'active' order by id limit 1`);
  const draft = await createDraftInvoice(db, actor, {
    kind: 'invoice',
    activityId: templateActivity,
    clientId: client!.id,
    serviceDate: TODAY,
    operationCategory: 'services',
    lines: [
      { description: 'Accompagnement — atelier de deux jours', quantityMilli: 2_000, unit: 'DAY', unitPriceCents: 45_000, vatCategory: 'S', vatRateBp: 2_000 },
      { description: 'Support imprimé', quantityMilli: 12_500, unit: 'C62', unitPriceCents: 1_990, discountBp: 1_000, vatCategory: 'S', vatRateBp: 550 },
    ],
  });
  const { number } = await validateInvoice(db, actor, draft.id, TODAY);
  const [invoice] = await rows<{ gross: number; entry_id: string; seq: number }>(
    db,
    sql`select i.gross_cents::int as gross, i.seq, e.id as entry_id from invoices i join ledger_journal_entries e on e.coop_id = i.coop_id and e.source_id = i.id where i.coop_id = ${coop.id} and i.id = ${draft.id}`,
  );
  const payment = await db.transaction((tx) =>
    postEntry(tx, actor, { ...paymentEntry({ amountCents: invoice!.gross, settled: [{ activityId: templateActivity, invoiceNumber: number, amountCents: invoice!.gross }] }), date: TODAY, label: `Règlement ${number}`, source: { type: 'payment' } }),
  );
  const salary = await db.transaction((tx) =>
    postEntry(tx, actor, {
      journal: JOURNALS.salaries,
      date: TODAY,
      label: 'Salaire novembre',
      source: { type: 'manual' },
      lines: [
        { account: ACCOUNTS.grossSalaries, debitCents: 150_000, activityId: templateActivity },
        { account: ACCOUNTS.employerContributions, debitCents: 60_000, activityId: templateActivity },
        { account: ACCOUNTS.salariesPayable, creditCents: 117_000, activityId: templateActivity },
        { account: ACCOUNTS.socialContributions, creditCents: 93_000, activityId: templateActivity },
      ],
    }),
  );
  const templates = [invoice!.entry_id, payment.id, salary.id];

  const invoiceCols = await columnsOf(db, 'invoices');
  const lineCols = await columnsOf(db, 'invoice_lines');
  const entryCols = await columnsOf(db, 'ledger_journal_entries');
  const entryLineCols = await columnsOf(db, 'ledger_journal_entry_lines');
  const activityArray = `array[${activityIds.map((id) => `'${id}'::uuid`).join(',')}]`;
  const invoiceId = `md5('invoice-' || g)::uuid`;
  const issueDate = `(date '${YEAR}-01-01' + (g % ${SPREAD_DAYS}))`;
  const activityOf = `(${activityArray})[1 + g % ${activityIds.length}]`;
  // Entry numbers stay unique in the year: sales, then payments, then salaries, after the templates.
  const [{ top }] = await rows<{ top: number }>(db, sql`select max(number)::int as top from ledger_journal_entries where coop_id = ${coop.id}`);
  const onActivity = `case when t.activity_id is null then null else ${activityOf} end`;
  for (let from = 1; from <= INVOICES; from += BATCH) {
    const to = Math.min(INVOICES, from + BATCH - 1);
    await db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      const run = (statement: string) => tx.execute(sql.raw(statement));
      await run(
        cloneStatement(
          'invoices',
          invoiceCols,
          { id: invoiceId, seq: `${invoice!.seq} + g`, number: `'T${YEAR}-' || lpad((${invoice!.seq} + g)::text, 7, '0')`, issue_date: issueDate, due_date: `${issueDate} + 30`, service_date: issueDate, activity_id: activityOf },
          `t.coop_id = '${coop.id}' and t.id = '${draft.id}'`,
          from,
          to,
        ),
      );
      await run(cloneStatement('invoice_lines', lineCols, { invoice_id: invoiceId }, `t.coop_id = '${coop.id}' and t.invoice_id = '${draft.id}'`, from, to));
      const sale = `md5('entry-' || g)::uuid`;
      await run(cloneStatement('ledger_journal_entries', entryCols, { id: sale, number: `${top} + g`, entry_date: issueDate, source_id: invoiceId }, `t.coop_id = '${coop.id}' and t.id = '${invoice!.entry_id}'`, from, to));
      await run(cloneStatement('ledger_journal_entry_lines', entryLineCols, { entry_id: sale, entry_date: issueDate, activity_id: activityOf }, `t.coop_id = '${coop.id}' and t.entry_id = '${invoice!.entry_id}'`, from, to));
      // 7 invoices in 10 are paid, a few days after they were issued.
      const paid = `md5('pay-' || g)::uuid`;
      const paidOn = `(${issueDate} + 5)`;
      await run(cloneStatement('ledger_journal_entries', entryCols, { id: paid, number: `${top} + ${INVOICES} + g`, entry_date: paidOn, source_id: invoiceId }, `t.coop_id = '${coop.id}' and t.id = '${payment.id}' and g % 10 < 7`, from, to));
      await run(cloneStatement('ledger_journal_entry_lines', entryLineCols, { entry_id: paid, entry_date: paidOn, activity_id: onActivity }, `t.coop_id = '${coop.id}' and t.entry_id = '${payment.id}' and g % 10 < 7`, from, to));
    });
  }
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    const run = (statement: string) => tx.execute(sql.raw(statement));
    const sal = `md5('salary-' || g)::uuid`;
    await run(cloneStatement('ledger_journal_entries', entryCols, { id: sal, number: `${top} + ${2 * INVOICES} + g` }, `t.coop_id = '${coop.id}' and t.id = '${salary.id}'`, 1, activityIds.length));
    await run(cloneStatement('ledger_journal_entry_lines', entryLineCols, { entry_id: sal, activity_id: activityOf }, `t.coop_id = '${coop.id}' and t.entry_id = '${salary.id}'`, 1, activityIds.length));
  });
  const cloned = sql`coop_id = ${coop.id} and entry_id not in (${sql.join(templates.map((id) => sql`${id}::uuid`), sql`, `)})`;
  await db.execute(sql`
    insert into ledger_monthly_totals as t (coop_id, month, account_number, activity_id, debit_cents, credit_cents, line_count)
    select coop_id, date_trunc('month', entry_date)::date, account_number, activity_id, sum(debit_cents), sum(credit_cents), count(*)
    from ledger_journal_entry_lines where ${cloned} group by 1, 2, 3, 4
    on conflict (coop_id, month, account_number, activity_id) do update
      set debit_cents = t.debit_cents + excluded.debit_cents, credit_cents = t.credit_cents + excluded.credit_cents, line_count = t.line_count + excluded.line_count`);
  await db.execute(sql`
    insert into ledger_daily_totals as t (coop_id, day, account_number, debit_cents, credit_cents, line_count)
    select coop_id, entry_date, account_number, sum(debit_cents), sum(credit_cents), count(*)
    from ledger_journal_entry_lines where ${cloned} group by 1, 2, 3
    on conflict (coop_id, day, account_number) do update
      set debit_cents = t.debit_cents + excluded.debit_cents, credit_cents = t.credit_cents + excluded.credit_cents, line_count = t.line_count + excluded.line_count`);
  await db.execute(sql`
    insert into ledger_activity_totals as t (coop_id, activity_id, account_number, debit_cents, credit_cents, line_count)
    select coop_id, activity_id, account_number, sum(debit_cents), sum(credit_cents), count(*)
    from ledger_journal_entry_lines where ${cloned} and activity_id is not null group by 1, 2, 3
    on conflict (coop_id, activity_id, account_number) do update
      set debit_cents = t.debit_cents + excluded.debit_cents, credit_cents = t.credit_cents + excluded.credit_cents, line_count = t.line_count + excluded.line_count`);
  // The treasury's balances per activity and group (migration treasury_balances), built from
  // the per-activity totals just as that migration's backfill does.
  const groups = ['revenue', 'commissions_in', 'receivables', 'vat_collected', 'deposits', 'contribution', 'commissions_out', 'salaries', 'advance_fees', 'expenses', 'advances', 'loans'];
  const camel = (c: string) => c.replace(/_([a-z])/g, (_, ch: string) => ch.toUpperCase());
  await db.execute(
    sql.raw(`
    insert into treasury_activity_balances (coop_id, activity_id, ${groups.join(', ')})
    select x.coop_id, x.activity_id, ${groups.map((c) => `coalesce(sum(x.balance) filter (where x.grp = '${camel(c)}'), 0)`).join(', ')}
    from (select a.coop_id, a.activity_id, treasury_group_of(a.account_number) as grp, sum(a.debit_cents - a.credit_cents) as balance
          from ledger_activity_totals a where a.coop_id = '${coop.id}' group by 1, 2, 3) x
    where x.grp is not null
    group by 1, 2
    on conflict (coop_id, activity_id) do update set ${groups.map((c) => `${c} = excluded.${c}`).join(', ')}`),
  );
  await db.execute(sql`vacuum analyze`);
  const [counts] = await rows<{ invoices: number; lines: number; activityTotals: number }>(
    db,
    sql`select (select count(*)::int from invoices where coop_id = ${coop.id}) as invoices,
               (select count(*)::int from ledger_journal_entry_lines where coop_id = ${coop.id}) as lines,
               (select count(*)::int from ledger_activity_totals where coop_id = ${coop.id}) as "activityTotals"`,
  );
  console.log(
    `Loaded in ${((performance.now() - loadStarted) / 1000).toFixed(0)} s: ${counts!.invoices.toLocaleString('en')} invoices, ${counts!.lines.toLocaleString('en')} entry lines, ` +
      `${counts!.activityTotals.toLocaleString('en')} per-activity total rows\n`,
  );

  return { coop, activityIds };
}

async function main() {
  const target = await prepareBenchDatabase();
  let database: Database | undefined;
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'mutualise-bench-'));
  try {
    database = await openPostgres(target.url);
    const db = database.db;
    const [{ version }] = await rows<{ version: string }>(db, sql`select current_setting('server_version') as version`);
    console.log(`PostgreSQL ${version}, database ${target.where}; ${os.cpus().length} CPUs; scale ${SCALE}: ${INVOICES.toLocaleString('en')} invoices, ${ACTIVITIES.toLocaleString('en')} activities`);
    await migrateDatabase(database);
    const reused = await loadedBefore(db);
    const { coop, activityIds } = reused ?? (await load(db));
    const config = loadConfig({ DATA_DIR: dataDir, WEB_DIR: path.join(dataDir, 'no-web'), PUBLIC_URL: 'http://mutualise.bench', LOG_LEVEL: 'warn' });
    const app = await createServer({ config, database, storage: localDiskStorage(path.join(dataDir, 'files')), logger: false });
    await app.ready();
    const sessions = { staff: new TestClient(app), member: new TestClient(app) };
    await sessions.staff.login(coop.staff.email, DEMO_PASSWORD);
    await sessions.member.login(coop.member.email, DEMO_PASSWORD);

    const anyActivity = (i: number) => activityIds[(i * 7919) % activityIds.length]!;
    const mine = coop.member.activityIds;
    const invoicedSome = (b: any) => (b.invoicedCents > 0 && b.salariesCents > 0 ? null : `no revenue or salary: ${JSON.stringify(b).slice(0, 160)}`);
    const scenarios: Scenario[] = [
      { name: "one activity's treasury", as: 'staff', url: (i) => `/api/treasury/activities/${anyActivity(i)}`, check: invoicedSome },
      { name: "my activity's treasury", as: 'member', url: (i) => `/api/treasury/activities/${mine[i % mine.length]}`, check: invoicedSome },
      { name: "an activity's 12 months", as: 'staff', url: (i) => `/api/treasury/activities/${anyActivity(i)}/months`, check: (b) => (b.months.length === 12 ? null : 'not 12 months') },
      { name: 'lines behind "collected"', as: 'staff', url: (i) => `/api/treasury/activities/${anyActivity(i)}/lines?group=receivables`, check: (b) => (b.total > 0 ? null : 'no line') },
      {
        name: 'coop table, by available',
        as: 'staff',
        url: () => '/api/treasury/activities?page=1&pageSize=25',
        check: (b) => (b.total !== activityIds.length ? `total ${b.total}, expected ${activityIds.length}` : b.items[0].availableCents < b.items[24].availableCents ? 'not sorted' : null),
      },
      { name: 'coop table, by invoiced, deep page', as: 'staff', url: (i) => `/api/treasury/activities?sort=invoiced&dir=desc&page=${1 + (i % Math.floor(activityIds.length / 25))}&pageSize=25`, check: (b) => (b.items.length === 25 ? null : 'short page') },
      { name: 'guarantee fund', as: 'staff', url: () => '/api/treasury/guarantee-fund', check: () => null },
      { name: 'my money (dashboard)', as: 'member', url: () => '/api/treasury/mine', check: (b) => (b.activities.length === mine.length ? null : 'not my activities') },
    ];
    const figures = [];
    for (const s of scenarios) figures.push(await measure(sessions[s.as], s));
    await app.close();

    const ms = (v: number) => v.toFixed(1).padStart(7);
    const header = `${'scenario'.padEnd(36)} ${'as'.padEnd(6)} ${'n'.padStart(4)} ${'p50 ms'.padStart(7)} ${'p95 ms'.padStart(7)} ${'max ms'.padStart(7)}  target  result`;
    console.log(header);
    console.log('-'.repeat(header.length + 4));
    for (const f of figures) {
      const verdict = f.error ? `WRONG: ${f.error}` : f.p95 < TARGET_P95_MS ? 'ok' : 'SLOW';
      console.log(`${f.name.padEnd(36)} ${f.as.padEnd(6)} ${String(f.n).padStart(4)} ${ms(f.p50)} ${ms(f.p95)} ${ms(f.max)}  <${TARGET_P95_MS} ms  ${verdict}`);
    }
    const failed = figures.filter((f) => f.error || f.p95 >= TARGET_P95_MS);
    if (failed.length) {
      console.log(`\n${failed.length} scenario(s) missed: ${failed.map((f) => f.name).join('; ')}`);
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
