/**
 * The sales chain at the volume of a large cooperative: 1,000,000 validated invoices with
 * their sales entries in PostgreSQL, then
 *   1. the time to validate one invoice (p50/p95 over 1,000 sequential validations),
 *   2. invoices validated per second by 8 concurrent clients, beside the rate of the same
 *      database for plain SQL writes of the same rows (same 8 clients): the ratio is the
 *      price of the checks, the gap-free counter, the audit record and the entry posting,
 *   3. the same on a federation instance: the 8 clients spread over 8 cooperatives (this one
 *      and 7 small ones), each validating in its own coop's series, beside the raw rate of the
 *      same rows spread the same way,
 *   4. the time of an activity balance and of a coop-wide trial balance (whole year, and a
 *      period cut inside months), with the same trial balance summed from the lines for
 *      comparison.
 *
 *   npx tsx bench/invoices.ts
 *
 * Where it runs: see bench/support/bench-database.ts (BENCH_DATABASE_URL, BENCH_SERVER_URL,
 * BENCH_KEEP_DATABASE). Knobs:
 *   BENCH_INVOICES=1000000   invoices loaded before measuring
 *   BENCH_VALIDATIONS=1000   sequential validations measured
 *   BENCH_CONCURRENT=4000    validations spread over the concurrent clients
 *   BENCH_CLIENTS=8          concurrent clients
 *   BENCH_COOPS=8            cooperatives of the federation figure (the clients spread over them)
 * A quick try while developing: BENCH_INVOICES=20000 BENCH_VALIDATIONS=200 BENCH_CONCURRENT=800.
 *
 * Targets (DESIGN.md), checked at the end (exit code 1 when one is missed): one cooperative,
 * no validation failed and p95 of one validation <= 10 ms; 8 cooperatives, at least 50 % of
 * the raw rate.
 *
 * How the million is loaded: one invoice is drafted and validated through the services, then
 * cloned in SQL (INSERT … SELECT over generate_series, 50,000 a transaction) with its own id,
 * number, dates, client and activity, together with its lines, its sales entry and the entry's
 * lines; triggers are off for that load (session_replication_role = replica, as a restore
 * would), and the daily and monthly totals the ledger trigger keeps are then built by grouped
 * INSERTs, exactly what its migration does for existing lines. Every measured validation runs
 * with every trigger and constraint on. The clones repeat the template's amounts and frozen
 * buyer identity: timing does not depend on them.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { hashPassword } from '../src/platform/auth/passwords.js';
import { openPostgres, type Database, type Db } from '../src/platform/db/client.js';
import { migrateDatabase } from '../src/platform/db/migrate.js';
import type { Actor } from '../src/platform/http/context.js';
import { DEMO_PASSWORD } from '../src/demo/seed-demo.js';
import { createDraftInvoice, validateInvoice } from '../src/modules/invoicing/index.js';
import { activityBalance, ensureChartOfAccounts, trialBalance } from '../src/modules/ledger/index.js';
import { percentile, prepareBenchDatabase } from './support/bench-database.js';
import { loadCoop, type LoadedCoop } from './support/load-coop.js';
import { rows, columnsOf, cloneStatement } from './support/bench-sql.js';

const INVOICES = Number(process.env.BENCH_INVOICES ?? 1_000_000);
const VALIDATIONS = Number(process.env.BENCH_VALIDATIONS ?? 1_000);
const CONCURRENT = Number(process.env.BENCH_CONCURRENT ?? 4_000);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 8);
const COOPS = Number(process.env.BENCH_COOPS ?? 8);
const BATCH = 50_000;
const YEAR = 2026;
const TODAY = `${YEAR}-11-23`;
/** Issue dates of the loaded invoices spread over the days of the year up to TODAY. */
const SPREAD_DAYS = 320;

interface Stats {
  n: number;
  p50: number;
  p95: number;
  max: number;
}
const statsOf = (durations: number[]): Stats => {
  const sorted = [...durations].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted[sorted.length - 1]! };
};
const fmt = (s: Stats) => `p50 ${s.p50.toFixed(1)} ms · p95 ${s.p95.toFixed(1)} ms · max ${s.max.toFixed(1)} ms (n=${s.n})`;


async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await run();
  return [result, performance.now() - started];
}



/** A validated invoice and its sales entry, cloned by the raw writes. */
interface Template {
  coopId: string;
  invoiceId: string;
  entryId: string;
}

/** A staff actor of a loaded coop, and a function drafting an invoice there (two lines, varied activity and client). */
async function drafterOf(db: Db, coop: LoadedCoop) {
  const [staff] = await rows<{ id: string }>(db, sql`select u.id from users u where u.email = ${coop.staff.email}`);
  const actor: Actor = { coopId: coop.id, userId: staff!.id, roles: ['staff'], ip: '127.0.0.1', locale: 'fr' };
  const activityIds = (await rows<{ id: string }>(db, sql`select id from activities where coop_id = ${coop.id} and status = 'active' order by id`)).map((r) => r.id);
  const clientIds = (
    await rows<{ id: string }>(
      db,
      sql`select c.id from clients c where c.coop_id = ${coop.id} and c.archived_at is null
          and exists (select 1 from client_addresses a where a.coop_id = c.coop_id and a.client_id = c.id and a.kind = 'billing') order by c.id`,
    )
  ).map((r) => r.id);
  let pick = 0;
  const draft = async () => {
    pick++;
    return (
      await createDraftInvoice(db, actor, {
        kind: 'invoice',
        activityId: activityIds[pick % activityIds.length]!,
        clientId: clientIds[(pick * 7) % clientIds.length]!,
        serviceDate: TODAY,
        operationCategory: 'services',
        lines: [
          { description: 'Accompagnement — atelier de deux jours', quantityMilli: 2_000, unit: 'DAY', unitPriceCents: 45_000, vatCategory: 'S', vatRateBp: 2_000 },
          { description: 'Support imprimé', quantityMilli: 12_500, unit: 'C62', unitPriceCents: 1_990, discountBp: 1_000, vatCategory: 'S', vatRateBp: 550 },
        ],
      })
    ).id;
  };
  return { actor, activityIds, clientIds, draft };
}

/** Validates a draft through the service and returns it with its sales entry, to be cloned. */
async function templateOf(db: Db, actor: Actor, invoiceId: string): Promise<Template & { number: string; seriesKey: string; seq: number }> {
  const { number } = await validateInvoice(db, actor, invoiceId, TODAY);
  const [row] = await rows<{ series_key: string; seq: number; entry_id: string }>(
    db,
    sql`select i.series_key, i.seq, e.id as entry_id from invoices i join ledger_journal_entries e on e.coop_id = i.coop_id and e.source_id = i.id
        where i.coop_id = ${actor.coopId} and i.id = ${invoiceId}`,
  );
  return { coopId: actor.coopId, invoiceId, entryId: row!.entry_id, number, seriesKey: row!.series_key, seq: row!.seq };
}

/** Whether every numbering series of these coops runs without a gap (the raw writes' series left out). */
async function seriesGapFree(db: Db, coopIds: string[]): Promise<{ gapFree: boolean; issued: number }> {
  const series = await rows<{ n: number; max: number; min: number }>(
    db,
    sql`select count(*)::int as n, max(seq) as max, min(seq) as min from invoices
        where coop_id in ${coopIds} and seq is not null and series_key not like 'RAW-%' group by coop_id, series_key`,
  );
  return { gapFree: series.every((s) => s.max - s.min + 1 === s.n), issued: series.reduce((sum, s) => sum + s.n, 0) };
}

/** Validates every queued draft, `CLIENTS` at a time, client k taking the drafts of queue k modulo the queues. */
async function validateConcurrently(db: Db, queues: { actor: Actor; ids: string[] }[]): Promise<{ perSecond: number; seconds: number; failures: unknown[] }> {
  const total = queues.reduce((n, q) => n + q.ids.length, 0);
  const failures: unknown[] = [];
  const [, ms] = await timed(() =>
    Promise.all(
      Array.from({ length: CLIENTS }, async (_, k) => {
        const { actor, ids } = queues[k % queues.length]!;
        for (let id = ids.pop(); id; id = ids.pop()) await validateInvoice(db, actor, id, TODAY).catch((err) => failures.push(err));
      }),
    ),
  );
  return { perSecond: total / (ms / 1000), seconds: ms / 1000, failures };
}

async function main() {
  const target = await prepareBenchDatabase();
  let database: Database | undefined;
  try {
    database = await openPostgres(target.url, CLIENTS + 4);
    const db = database.db;
    const [{ version }] = await rows<{ version: string }>(db, sql`select current_setting('server_version') as version`);
    console.log(`PostgreSQL ${version}, database ${target.where}; ${os.cpus().length} CPUs`);
    await migrateDatabase(database);
    const [{ n: coopCount }] = await rows<{ n: number }>(db, sql`select count(*)::int as n from coops`);
    if (coopCount > 0) throw new Error('the database already holds cooperatives: point BENCH_DATABASE_URL at an empty database');

    // A cooperative of realistic shape, and its ledger.
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const coop = await loadCoop(db, { label: 'bench-invoices', seed: 7, size: { members: 2_000, activities: 2_400, clients: 5_000 }, passwordHash });
    await ensureChartOfAccounts(db, coop.id, { today: TODAY });
    const { actor, activityIds, clientIds, draft } = await drafterOf(db, coop);
    console.log(`Coop: ${activityIds.length} active activities, ${clientIds.length} clients with a billing address`);

    // 1. The template, through the services.
    const templateId = await draft();
    const template = await templateOf(db, actor, templateId);
    console.log(`Template ${template.number} (series ${template.seriesKey}); loading ${INVOICES.toLocaleString('en')} clones…`);

    // 2. The million, cloned in SQL.
    const invoiceCols = await columnsOf(db, 'invoices');
    const lineCols = await columnsOf(db, 'invoice_lines');
    const entryCols = await columnsOf(db, 'ledger_journal_entries');
    const entryLineCols = await columnsOf(db, 'ledger_journal_entry_lines');
    const activityArray = `array[${activityIds.map((id) => `'${id}'::uuid`).join(',')}]`;
    const clientArray = `array[${clientIds.map((id) => `'${id}'::uuid`).join(',')}]`;
    const invoiceId = `md5('invoice-' || g)::uuid`;
    const entryId = `md5('entry-' || g)::uuid`;
    const issueDate = `(date '${YEAR}-01-01' + (g % ${SPREAD_DAYS}))`;
    const activityOf = `(${activityArray})[1 + g % ${activityIds.length}]`;
    const seqBase = template.seq;
    const loadStarted = performance.now();
    for (let from = 1; from <= INVOICES; from += BATCH) {
      const to = Math.min(INVOICES, from + BATCH - 1);
      await db.transaction(async (tx) => {
        await tx.execute(sql`set local session_replication_role = replica`);
        const run = (statement: string) => tx.execute(sql.raw(statement));
        await run(
          cloneStatement(
            'invoices',
            invoiceCols,
            {
              id: invoiceId,
              seq: `${seqBase} + g`,
              number: `'F${YEAR}-' || lpad((${seqBase} + g)::text, 7, '0')`,
              issue_date: issueDate,
              due_date: `${issueDate} + 30`,
              service_date: issueDate,
              activity_id: activityOf,
              client_id: `(${clientArray})[1 + (g * 7) % ${clientIds.length}]`,
            },
            `t.coop_id = '${coop.id}' and t.id = '${templateId}'`,
            from,
            to,
          ),
        );
        await run(cloneStatement('invoice_lines', lineCols, { invoice_id: invoiceId }, `t.coop_id = '${coop.id}' and t.invoice_id = '${templateId}'`, from, to));
        await run(
          cloneStatement('ledger_journal_entries', entryCols, { id: entryId, number: 't.number + g', entry_date: issueDate, source_id: invoiceId, label: `'Facture F${YEAR}-' || lpad((${seqBase} + g)::text, 7, '0')` }, `t.coop_id = '${coop.id}' and t.id = '${template.entryId}'`, from, to),
        );
        await run(
          cloneStatement('ledger_journal_entry_lines', entryLineCols, { entry_id: entryId, entry_date: issueDate, activity_id: activityOf }, `t.coop_id = '${coop.id}' and t.entry_id = '${template.entryId}'`, from, to),
        );
      });
      if (to % 200_000 === 0 || to === INVOICES) console.log(`  ${to.toLocaleString('en')} invoices (${((performance.now() - loadStarted) / 1000).toFixed(0)} s)`);
    }
    await db.execute(sql`
      insert into ledger_monthly_totals as t (coop_id, month, account_number, activity_id, debit_cents, credit_cents, line_count)
      select coop_id, date_trunc('month', entry_date)::date, account_number, activity_id, sum(debit_cents), sum(credit_cents), count(*)
      from ledger_journal_entry_lines where coop_id = ${coop.id} and entry_id <> ${template.entryId}
      group by 1, 2, 3, 4
      on conflict (coop_id, month, account_number, activity_id) do update
        set debit_cents = t.debit_cents + excluded.debit_cents, credit_cents = t.credit_cents + excluded.credit_cents, line_count = t.line_count + excluded.line_count`);
    await db.execute(sql`
      insert into ledger_daily_totals as t (coop_id, day, account_number, debit_cents, credit_cents, line_count)
      select coop_id, entry_date, account_number, sum(debit_cents), sum(credit_cents), count(*)
      from ledger_journal_entry_lines where coop_id = ${coop.id} and entry_id <> ${template.entryId}
      group by 1, 2, 3
      on conflict (coop_id, day, account_number) do update
        set debit_cents = t.debit_cents + excluded.debit_cents, credit_cents = t.credit_cents + excluded.credit_cents, line_count = t.line_count + excluded.line_count`);
    await db.execute(sql`update number_series set last_number = ${seqBase + INVOICES} where coop_id = ${coop.id} and series = ${`invoice:${template.seriesKey}`}`);
    await db.execute(sql`
      update number_series s set last_number = e.last from (select fiscal_year_id, max(number) as last from ledger_journal_entries where coop_id = ${coop.id} group by 1) e
      where s.coop_id = ${coop.id} and s.series = 'ledger:' || e.fiscal_year_id`);
    await db.execute(sql`vacuum analyze`);
    const loadSeconds = (performance.now() - loadStarted) / 1000;
    const [counts] = await rows<{ invoices: number; lines: number; monthly: number; daily: number }>(
      db,
      sql`select (select count(*)::int from invoices where coop_id = ${coop.id}) as invoices,
                 (select count(*)::int from ledger_journal_entry_lines where coop_id = ${coop.id}) as lines,
                 (select count(*)::int from ledger_monthly_totals where coop_id = ${coop.id}) as monthly,
                 (select count(*)::int from ledger_daily_totals where coop_id = ${coop.id}) as daily`,
    );
    console.log(
      `Loaded in ${loadSeconds.toFixed(0)} s: ${counts!.invoices.toLocaleString('en')} invoices, ${counts!.lines.toLocaleString('en')} entry lines, ` +
        `${counts!.monthly.toLocaleString('en')} monthly (by activity) and ${counts!.daily.toLocaleString('en')} daily total rows\n`,
    );

    // 3. One validation at a time.
    const sequential: string[] = [];
    for (let i = 0; i < VALIDATIONS + 20; i++) sequential.push(await draft());
    const single: number[] = [];
    for (const [i, id] of sequential.entries()) {
      const [, ms] = await timed(() => validateInvoice(db, actor, id, TODAY));
      if (i >= 20) single.push(ms);
    }
    const singleStats = statsOf(single);
    console.log(`Validate one invoice (service, one transaction; after 20 warm-up): ${fmt(singleStats)}`);

    // 4. Concurrent validations, then plain SQL writes of the same rows, same clients.
    const queue: string[] = [];
    for (let i = 0; i < CONCURRENT; i++) queue.push(await draft());
    const { perSecond: validatedPerSecond, seconds: concurrentSeconds, failures } = await validateConcurrently(db, [{ actor, ids: queue }]);
    if (failures.length) throw new Error(`${failures.length} concurrent validations failed, the first: ${String(failures[0])}`);
    const [gaps] = await rows<{ n: number; max: number; min: number }>(
      db,
      sql`select count(*)::int as n, max(seq) as max, min(seq) as min from invoices where coop_id = ${coop.id} and series_key = ${template.seriesKey} and seq is not null`,
    );
    const gapFree = gaps!.max - gaps!.min + 1 === gaps!.n;

    const rawRate = await rawWriteRate(target.url, [template], 'RAW-1');
    console.log(`Validations with ${CLIENTS} concurrent clients: ${validatedPerSecond.toFixed(0)} invoices/s (${CONCURRENT} in ${concurrentSeconds.toFixed(1)} s); numbers ${gapFree ? 'gap-free' : 'WITH GAPS'} (${gaps!.n.toLocaleString('en')} issued)`);
    console.log(`Plain SQL writes of the same rows, ${CLIENTS} clients: ${rawRate.toFixed(0)} invoices/s → validation runs at ${((validatedPerSecond / rawRate) * 100).toFixed(0)} % of the raw rate\n`);

    // 5. A federation instance: the same clients spread over COOPS cooperatives, each validating
    // in its own series (its own counter row), then the raw writes spread the same way.
    const federation = [{ coop, actor, draft, template }];
    for (let k = 1; k < COOPS; k++) {
      const other = await loadCoop(db, { label: `bench-federation-${k}`, seed: 10 + k, size: { members: 40, activities: 48, clients: 100 }, passwordHash });
      await ensureChartOfAccounts(db, other.id, { today: TODAY });
      const drafter = await drafterOf(db, other);
      federation.push({ coop: other, actor: drafter.actor, draft: drafter.draft, template: await templateOf(db, drafter.actor, await drafter.draft()) });
    }
    const queues = [];
    for (const [k, member] of federation.entries()) {
      const ids: string[] = [];
      for (let i = k; i < CONCURRENT; i += federation.length) ids.push(await member.draft());
      queues.push({ actor: member.actor, ids });
    }
    const spread = await validateConcurrently(db, queues);
    const spreadGaps = await seriesGapFree(db, federation.map((m) => m.coop.id));
    const spreadRaw = await rawWriteRate(target.url, federation.map((m) => m.template), `RAW-${federation.length}`);
    const spreadRatio = spread.perSecond / spreadRaw;
    console.log(
      `Federation, ${CLIENTS} clients over ${federation.length} cooperatives (each its own series): ${spread.perSecond.toFixed(0)} invoices/s (${CONCURRENT} in ${spread.seconds.toFixed(1)} s, ` +
        `${spread.failures.length} failed); numbers ${spreadGaps.gapFree ? 'gap-free' : 'WITH GAPS'} in every series`,
    );
    console.log(`Plain SQL writes of the same rows spread the same way: ${spreadRaw.toFixed(0)} invoices/s → validation runs at ${(spreadRatio * 100).toFixed(0)} % of the raw rate\n`);

    // 6. Balances.
    const runs = async (n: number, run: (i: number) => Promise<unknown>) => {
      for (let i = 0; i < 3; i++) await run(i);
      const d: number[] = [];
      for (let i = 0; i < n; i++) d.push((await timed(() => run(i)))[1]);
      return statsOf(d);
    };
    const activityStats = await runs(100, (i) => activityBalance(db, coop.id, activityIds[(i * 13) % activityIds.length]!));
    const yearStats = await runs(30, () => trialBalance(db, coop.id, { from: `${YEAR}-01-01`, to: `${YEAR}-12-31` }));
    const cutStats = await runs(30, () => trialBalance(db, coop.id, { from: `${YEAR}-01-15`, to: `${YEAR}-11-20` }));
    const activityCutStats = await runs(100, (i) => trialBalance(db, coop.id, { from: `${YEAR}-01-15`, to: `${YEAR}-11-20`, activityId: activityIds[(i * 17) % activityIds.length]! }));
    const fromLinesStats = await runs(5, () =>
      db.execute(sql`select account_number, sum(debit_cents), sum(credit_cents) from ledger_journal_entry_lines
                     where coop_id = ${coop.id} and entry_date between ${`${YEAR}-01-01`} and ${`${YEAR}-12-31`} group by account_number`),
    );
    const year = await trialBalance(db, coop.id, { from: `${YEAR}-01-01`, to: `${YEAR}-12-31` });
    console.log(`Activity balance (one activity, all time): ${fmt(activityStats)}`);
    console.log(`Activity trial balance, ${YEAR}-01-15 … ${YEAR}-11-20 (whole months from totals, edges from lines): ${fmt(activityCutStats)}`);
    console.log(`Coop-wide trial balance, ${YEAR}: ${fmt(yearStats)}`);
    console.log(`Coop-wide trial balance, ${YEAR}-01-15 … ${YEAR}-11-20: ${fmt(cutStats)}`);
    console.log(`Same year summed from the ${counts!.lines.toLocaleString('en')} lines, for comparison: ${fmt(fromLinesStats)}`);
    console.log(`Trial balance check: debits ${year.totals.debitCents} = credits ${year.totals.creditCents}: ${year.totals.debitCents === year.totals.creditCents ? 'balanced' : 'UNBALANCED'}`);

    const singleMet = singleStats.p95 <= 10;
    const spreadMet = spreadRatio >= 0.5 && spread.failures.length === 0;
    console.log('\nTargets (DESIGN.md):');
    console.log(`  one cooperative: ${failures.length} failed validations, p95 of one validation ${singleStats.p95.toFixed(1)} ms (target 0 and <= 10 ms): ${singleMet ? 'met' : 'MISSED'}`);
    console.log(`  ${federation.length} cooperatives: ${(spreadRatio * 100).toFixed(0)} % of the raw rate, ${spread.failures.length} failed (target >= 50 %, 0 failed): ${spreadMet ? 'met' : 'MISSED'}`);
    if (!gapFree || !spreadGaps.gapFree || year.totals.debitCents !== year.totals.creditCents || !singleMet || !spreadMet) process.exitCode = 1;
  } finally {
    await database?.close();
    await target.drop?.();
  }
}

/**
 * The same rows as a validation writes (the invoice, its lines, the entry and its lines), as
 * plain SQL in one transaction per invoice: no read, no counter, no audit, the triggers and
 * constraints of the database on. The invoice is inserted as a draft and issued by one
 * update, because the database refuses lines added to an issued invoice.
 */
/**
 * Entry numbers of the raw writes: far above the series, which they take no number from; each
 * raw run has its own range so two runs never meet on the (coop, year, number) key.
 */
const RAW_NUMBERS = 1_000_000_000;
let rawRuns = 0;

async function rawWriteRate(url: string, templates: Template[], series: string): Promise<number> {
  const numberBase = RAW_NUMBERS + 100_000_000 * rawRuns++;
  const pool = new pg.Pool({ connectionString: url, max: CLIENTS });
  try {
    const total = CONCURRENT;
    let next = 0;
    const write = async (client: pg.PoolClient, g: number, { coopId, invoiceId: templateId, entryId: templateEntryId }: Template) => {
      const id = `${series}-${g}`;
      await client.query('begin');
      await client.query(
        `insert into invoices (${(await cols(client, 'invoices')).join(', ')})
         select ${(await cols(client, 'invoices')).map((c) => ({ id: `md5($2)::uuid`, status: `'draft'`, number: 'null', seq: 'null', series_key: 'null', issue_date: 'null', due_date: 'null', validated_at: 'null', validated_by: 'null', mentions: 'null' })[c] ?? `t.${c}`).join(', ')}
         from invoices t where t.coop_id = $1 and t.id = $3`,
        [coopId, id, templateId],
      );
      await client.query(
        `insert into invoice_lines (${(await cols(client, 'invoice_lines')).join(', ')})
         select ${(await cols(client, 'invoice_lines')).map((c) => (c === 'invoice_id' ? 'md5($2)::uuid' : `t.${c}`)).join(', ')} from invoice_lines t where t.coop_id = $1 and t.invoice_id = $3`,
        [coopId, id, templateId],
      );
      await client.query(
        `insert into ledger_journal_entries (${(await cols(client, 'ledger_journal_entries')).join(', ')})
         select ${(await cols(client, 'ledger_journal_entries')).map((c) => ({ id: `md5('e' || $2)::uuid`, source_id: 'md5($2)::uuid', number: `${numberBase + g}` })[c] ?? `t.${c}`).join(', ')} from ledger_journal_entries t where t.coop_id = $1 and t.id = $3`,
        [coopId, id, templateEntryId],
      );
      await client.query(
        `insert into ledger_journal_entry_lines (${(await cols(client, 'ledger_journal_entry_lines')).join(', ')})
         select ${(await cols(client, 'ledger_journal_entry_lines')).map((c) => (c === 'entry_id' ? `md5('e' || $2)::uuid` : `t.${c}`)).join(', ')} from ledger_journal_entry_lines t where t.coop_id = $1 and t.entry_id = $3`,
        [coopId, id, templateEntryId],
      );
      await client.query(
        `update invoices i set status = t.status, number = $5::text || '-' || $4::text, seq = $4::int + 1, series_key = $5::text, issue_date = t.issue_date, due_date = t.due_date, validated_at = t.validated_at, validated_by = t.validated_by, mentions = t.mentions
         from invoices t where i.coop_id = $1 and i.id = md5($2)::uuid and t.coop_id = $1 and t.id = $3`,
        [coopId, id, templateId, g, series],
      );
      await client.query('commit');
    };
    // Column lists read once per connection; the statements above reuse them.
    const started = performance.now();
    await Promise.all(
      // Client k writes the rows of template k modulo the templates (one coop each).
      Array.from({ length: CLIENTS }, async (_, k) => {
        const client = await pool.connect();
        try {
          for (let g = next++; g < total; g = next++) await write(client, g, templates[k % templates.length]!);
        } finally {
          client.release();
        }
      }),
    );
    return total / ((performance.now() - started) / 1000);
  } finally {
    await pool.end();
  }
}

const columnCache = new Map<string, string[]>();
async function cols(client: pg.PoolClient, table: string): Promise<string[]> {
  const cached = columnCache.get(table);
  if (cached) return cached;
  const { rows: list } = await client.query<{ column_name: string }>(
    `select column_name from information_schema.columns where table_schema = 'public' and table_name = $1 and is_identity = 'NO' order by ordinal_position`,
    [table],
  );
  const names = list.map((c) => c.column_name);
  columnCache.set(table, names);
  return names;
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
