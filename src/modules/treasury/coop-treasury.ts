import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { CSV_EXPORT_MAX_ROWS } from '../../platform/http/list-sort.js';
import { activitySummaries } from '../activities/index.js';
import { centsToFrenchDecimal as money, renderCsv } from '../ledger/index.js';
import type { CoopTreasuryPage, CoopTreasuryQuery, CoopTreasuryRow, ExportCoopTreasuryQuery, TreasuryFiguresView } from './contract.js';
import { TREASURY_GROUP_NAMES, treasuryFigures, type TreasuryFigures, type TreasuryGroup } from './domain/activity-treasury.js';
import type { TreasurySortKey } from './domain/coop-table.js';
import { noBalances, treasuryBalancesQuery } from './treasury-balances.js';

const g = (group: TreasuryGroup) => sql`c.${sql.identifier(group)}`;

/**
 * "collected" of `treasuryFigures` as SQL over the balances of each group (alias `c`),
 * computed in double precision, as JavaScript does, and rounded half up as Math.round does
 * (PostgreSQL's round() goes half away from zero). It is computed once per activity into a
 * column of its own: written inline in every figure that uses it, the expression would be
 * evaluated a dozen times per row, which over 10,000 activities is most of the query's time.
 */
const COLLECTED = (() => {
  const invoiced = sql`(-${g('revenue')})`;
  const withVat = sql`(${invoiced} - ${g('vatCollected')} - ${g('deposits')})`;
  const share = sql`(case when ${withVat} <= 0 then 0::float8 else least(1::float8, greatest(0::float8, 1::float8 - ${g('receivables')}::float8 / ${withVat}::float8)) end)`;
  const raw = sql`(${invoiced}::float8 * ${share})`;
  return sql`(case when ${raw} - floor(${raw}) >= 0.5 then ceil(${raw}) else floor(${raw}) end)::bigint`;
})();

/**
 * The figures of `treasuryFigures` (domain/activity-treasury.ts) as SQL columns over the
 * balances of each group and the collected part (`c.collected`), for ranking and totalling
 * 10,000 activities in the database; the rows of the page are computed again by
 * `treasuryFigures` from their balances, and a test holds both to the same numbers.
 */
const FIGURES = (() => {
  const invoiced = sql`(-${g('revenue')})`;
  const collected = sql`c.collected`;
  return {
    invoicedCents: invoiced,
    collectedCents: collected,
    owedCents: sql`(${invoiced} - ${collected})`,
    receivableCents: g('receivables'),
    contributionCents: g('contribution'),
    commissionsInCents: sql`(-${g('commissionsIn')})`,
    commissionsOutCents: g('commissionsOut'),
    expensesCents: g('expenses'),
    salariesCents: g('salaries'),
    advanceFeesCents: g('advanceFees'),
    advancesOutstandingCents: g('advances'),
    loansOutstandingCents: g('loans'),
    reservedCents: sql`0::bigint`,
    availableCents: sql`(${collected} - ${g('commissionsIn')} - ${g('commissionsOut')} - ${g('contribution')} - ${g('expenses')} - ${g('salaries')} - ${g('advanceFees')} + ${g('advances')} + ${g('loans')})`,
  } satisfies Record<keyof TreasuryFigures, SQL>;
})();
const FIGURE_KEYS = Object.keys(FIGURES) as (keyof TreasuryFigures)[];

const SORT_COLUMN: Record<TreasurySortKey, keyof TreasuryFigures> = {
  available: 'availableCents',
  invoiced: 'invoicedCents',
  collected: 'collectedCents',
  owed: 'owedCents',
  salaries: 'salariesCents',
  advances: 'advancesOutstandingCents',
};

/**
 * Every activity of the coop with money on it (at least one ledger line), ranked by one figure
 * (equal figures by activity id, so pages never overlap), one slice of them and the totals of
 * all, in one query over the kept balances (one row per activity, `treasury_activity_balances`):
 * only the slice and one totals row leave the database, and only the slice asks the
 * activities' names.
 */
async function rankedSlice(db: Executor, coopId: string, q: ExportCoopTreasuryQuery, today: string, slice: { offset: number; limit: number }) {
  const column = sql.identifier(SORT_COLUMN[q.sort ?? 'available']);
  const dir = (q.sort ? q.dir : 'desc') === 'asc' ? sql`asc` : sql`desc`;
  const figures = sql.join(
    FIGURE_KEYS.map((k) => sql`${FIGURES[k]} as ${sql.identifier(k)}`),
    sql`, `,
  );
  const totals = sql.join(
    FIGURE_KEYS.map((k) => sql`coalesce(sum(f.${sql.identifier(k)}), 0)::text as ${sql.identifier(`total_${k}`)}`),
    sql`, `,
  );
  const groups = sql.join(
    TREASURY_GROUP_NAMES.map((name) => sql`c.${sql.identifier(name)}`),
    sql`, `,
  );
  // Materialized steps: each balance is computed once (kept row less later lines), then the
  // collected part once, before the figures that reuse them (see COLLECTED). A deep page
  // sorts every activity: only the key and the id are sorted, the page's rows joined after.
  const result = (await db.execute(sql`
    with b as materialized (${treasuryBalancesQuery(coopId, { to: today })}),
    c as materialized (select c.*, ${COLLECTED} as collected from b c),
    f as (select c.activity_id, ${groups}, ${figures} from c),
    t as (select count(*)::int as total_count, ${totals} from f)
    select t.*, p.*
    from t left join lateral (
      select f.* from (select f.activity_id from f order by f.${column} ${dir}, f.activity_id asc offset ${slice.offset} limit ${slice.limit}) k
      join f on f.activity_id = k.activity_id
      order by f.${column} ${dir}, f.activity_id asc
    ) p on true`)) as unknown as { rows: Record<string, string | number | null>[] };
  const rows = result.rows;
  const head = rows[0]!;
  const total = Object.fromEntries(FIGURE_KEYS.map((k) => [k, Number(head[`total_${k}`])])) as unknown as TreasuryFigures;
  const page = rows
    .filter((r) => r.activity_id !== null)
    .map((r) => {
      const balances = { ...noBalances(), ...Object.fromEntries(TREASURY_GROUP_NAMES.map((name) => [name, Number(r[name])])) } as Record<TreasuryGroup, number>;
      return { activityId: String(r.activity_id), ...treasuryFigures(balances) };
    });
  return { page, count: Number(head.total_count), totals: total };
}

async function withNames(db: Executor, coopId: string, rows: (TreasuryFigures & { activityId: string })[]): Promise<CoopTreasuryRow[]> {
  const names = await activitySummaries(db, coopId, rows.map((r) => r.activityId));
  return rows.map((r) => ({ ...r, activityCode: names.get(r.activityId)?.code ?? '', activityName: names.get(r.activityId)?.name ?? '' }));
}

/** The coop-wide treasury, one page of it, with the totals of every activity. */
export async function coopTreasury(db: Executor, coopId: string, q: CoopTreasuryQuery, today: string): Promise<CoopTreasuryPage> {
  const { page, count, totals } = await rankedSlice(db, coopId, q, today, { offset: (q.page - 1) * q.pageSize, limit: q.pageSize });
  const items = await withNames(db, coopId, page);
  return { items, total: count, page: q.page, pageSize: q.pageSize, asOf: today, totals: totals satisfies TreasuryFiguresView };
}

/** The whole table as a spreadsheet, in the table's order. */
export async function exportCoopTreasuryCsv(db: Executor, coopId: string, q: ExportCoopTreasuryQuery, today: string): Promise<{ fileName: string; csv: string }> {
  const { page } = await rankedSlice(db, coopId, q, today, { offset: 0, limit: CSV_EXPORT_MAX_ROWS });
  const rows = await withNames(db, coopId, page);
  const csv = renderCsv(
    ['Code', 'Activité', 'Facturé HT', 'Encaissé HT', 'Reste dû HT', 'Contribution', 'Commissions reçues', 'Commissions versées', 'Dépenses et achats', 'Salaires', "Frais d'avance", 'Avances en cours', 'Prêts en cours', 'Disponible'],
    rows.map((r) => [
      r.activityCode,
      r.activityName,
      money(r.invoicedCents),
      money(r.collectedCents),
      money(r.owedCents),
      money(r.contributionCents),
      money(r.commissionsInCents),
      money(r.commissionsOutCents),
      money(r.expensesCents),
      money(r.salariesCents),
      money(r.advanceFeesCents),
      money(r.advancesOutstandingCents),
      money(r.loansOutstandingCents),
      money(r.availableCents),
    ]),
  );
  return { fileName: `tresorerie-${today}.csv`, csv };
}
