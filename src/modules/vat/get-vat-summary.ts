import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import type { VatSummary } from './contract.js';
import { vatReturnBoxes } from './domain/vat-boxes.js';
import { vatPeriodOf } from './domain/vat-periods.js';
import { vatReturns } from './schema.js';
import { vatFiguresOf } from './vat-figures-of.js';
import { vatSettingsOf } from './vat-settings-of.js';

/** The confirmed return of a period, if any. */
export async function confirmedReturnOf(db: Executor, coopId: string, start: string) {
  const [row] = await db
    .select({ id: vatReturns.id, entryId: vatReturns.entryId, confirmedAt: vatReturns.confirmedAt })
    .from(vatReturns)
    .where(and(eq(vatReturns.coopId, coopId), eq(vatReturns.periodStart, start)));
  return row ?? null;
}

/** The boxes of the CA3 return of a period (a month or a quarter), from the ledger. */
export async function getVatSummary(db: Executor, coopId: string, periodKey: string): Promise<VatSummary> {
  const period = vatPeriodOf(periodKey);
  if (!period) throw new RangeError(`not a VAT period: ${periodKey}`);
  const confirmed = await confirmedReturnOf(db, coopId, period.start);
  const figures = vatReturnBoxes(await vatFiguresOf(db, coopId, period, confirmed?.id ?? null));
  const { regime } = await vatSettingsOf(db, coopId);
  return {
    period: period.key,
    start: period.start,
    end: period.end,
    regime,
    boxes: figures.boxes,
    otherCollectedCents: figures.otherCollectedCents,
    confirmed: confirmed ? { at: confirmed.confirmedAt.toISOString(), entryId: confirmed.entryId } : null,
  };
}
