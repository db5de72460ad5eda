import type { Executor } from '../../platform/db/client.js';
import { CSV_EXPORT_MAX_ROWS } from '../../platform/http/list-sort.js';
import { activitySummaries } from '../activities/index.js';
import { centsToFrenchDecimal as money, renderCsv } from '../ledger/index.js';
import { treasuryBalances } from './activity-treasury.js';
import type { CoopTreasuryPage, CoopTreasuryQuery, CoopTreasuryRow, ExportCoopTreasuryQuery, TreasuryFiguresView } from './contract.js';
import { treasuryFigures, type TreasuryFigures } from './domain/activity-treasury.js';
import { sortTreasuryRows, sumFigures } from './domain/coop-table.js';

/**
 * Every activity of the coop with money on it (at least one ledger line), ranked. The ranking
 * needs every activity's figures (available is not a column of any table: collected is a
 * share of running totals), so they are all computed, from one row per activity and group of
 * accounts (see `activityGroupBalances`), and only the page asks the activities' names.
 */
async function rankedFigures(db: Executor, coopId: string, q: ExportCoopTreasuryQuery, today: string) {
  const balances = await treasuryBalances(db, coopId, { to: today });
  const rows = [...balances].map(([activityId, b]) => ({ activityId, ...treasuryFigures(b) }));
  return sortTreasuryRows(rows, q.sort ?? 'available', q.sort ? q.dir : 'desc');
}

async function withNames(db: Executor, coopId: string, rows: (TreasuryFigures & { activityId: string })[]): Promise<CoopTreasuryRow[]> {
  const names = await activitySummaries(db, coopId, rows.map((r) => r.activityId));
  return rows.map((r) => ({ ...r, activityCode: names.get(r.activityId)?.code ?? '', activityName: names.get(r.activityId)?.name ?? '' }));
}

/** The coop-wide treasury, one page of it, with the totals of every activity. */
export async function coopTreasury(db: Executor, coopId: string, q: CoopTreasuryQuery, today: string): Promise<CoopTreasuryPage> {
  const ranked = await rankedFigures(db, coopId, q, today);
  const start = (q.page - 1) * q.pageSize;
  const items = await withNames(db, coopId, ranked.slice(start, start + q.pageSize));
  const totals: TreasuryFiguresView = sumFigures(ranked);
  return { items, total: ranked.length, page: q.page, pageSize: q.pageSize, asOf: today, totals };
}

/** The whole table as a spreadsheet, in the table's order. */
export async function exportCoopTreasuryCsv(db: Executor, coopId: string, q: ExportCoopTreasuryQuery, today: string): Promise<{ fileName: string; csv: string }> {
  const ranked = (await rankedFigures(db, coopId, q, today)).slice(0, CSV_EXPORT_MAX_ROWS);
  const rows = await withNames(db, coopId, ranked);
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
