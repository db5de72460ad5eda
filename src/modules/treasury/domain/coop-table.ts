import type { TreasuryFigures } from './activity-treasury.js';

export type TreasurySortKey = 'available' | 'invoiced' | 'collected' | 'owed' | 'salaries' | 'advances';

const COLUMN: Record<TreasurySortKey, keyof TreasuryFigures> = {
  available: 'availableCents',
  invoiced: 'invoicedCents',
  collected: 'collectedCents',
  owed: 'owedCents',
  salaries: 'salariesCents',
  advances: 'advancesOutstandingCents',
};

/** Rows by one figure; equal figures keep one order (by activity id) so pages never overlap. */
export function sortTreasuryRows<R extends TreasuryFigures & { activityId: string }>(rows: R[], key: TreasurySortKey, dir: 'asc' | 'desc'): R[] {
  const column = COLUMN[key];
  const sign = dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => sign * (a[column] - b[column]) || (a.activityId < b.activityId ? -1 : a.activityId > b.activityId ? 1 : 0));
}

/** The totals row: each figure added up over the activities. */
export function sumFigures(rows: readonly TreasuryFigures[]): TreasuryFigures {
  const keys = [
    'invoicedCents',
    'collectedCents',
    'owedCents',
    'receivableCents',
    'contributionCents',
    'commissionsInCents',
    'commissionsOutCents',
    'expensesCents',
    'salariesCents',
    'advanceFeesCents',
    'advancesOutstandingCents',
    'loansOutstandingCents',
    'reservedCents',
    'availableCents',
  ] as const satisfies readonly (keyof TreasuryFigures)[];
  const total = Object.fromEntries(keys.map((k) => [k, 0])) as unknown as TreasuryFigures;
  for (const r of rows) for (const k of keys) total[k] += r[k];
  return total;
}
