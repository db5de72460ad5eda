import type { Executor } from '../../platform/db/client.js';
import { accountLines, ACCOUNTS, DEDUCTIBLE_VAT_ACCOUNT, linesOfSources, periodTotalsByLabel, rateOfVatLabel } from '../ledger/index.js';
import type { VatFigures } from './domain/vat-boxes.js';
import { dayBefore, type VatPeriod } from './domain/vat-periods.js';

/** The source type of a confirmed return's settlement entry, keyed by the return's id. */
export const VAT_SETTLEMENT_SOURCE = 'vat_settlement';

/** The accounts a return reads in its period. */
const PERIOD_ACCOUNTS = [ACCOUNTS.vatCollected, ACCOUNTS.vatDeductibleOnFixedAssets, DEDUCTIBLE_VAT_ACCOUNT];

/**
 * What the ledger holds for a return: the period's movements on 44571 (per rate, from the
 * lines' labels), 44562 and 44566, and the credit carried on 44567 before it. The return's own
 * settlement entry (dated the period's last day, `settlementId`) is left out: it clears these
 * accounts, it is not VAT of the period.
 *
 * Collected VAT is 44571, whatever the regime: on debits the sales entries put it there, on
 * receipts the moves made at each payment do, so a period declares exactly what became due in it.
 */
export async function vatFiguresOf(db: Executor, coopId: string, period: VatPeriod, settlementId: string | null): Promise<VatFigures> {
  const totals = await periodTotalsByLabel(db, coopId, { accounts: PERIOD_ACCOUNTS, from: period.start, to: period.end });
  const settlement = settlementId ? await linesOfSources(db, coopId, { sources: [{ type: VAT_SETTLEMENT_SOURCE, ids: [settlementId] }], accounts: PERIOD_ACCOUNTS }) : [];
  const rows = [...totals, ...settlement.map((l) => ({ ...l, debitCents: -l.debitCents, creditCents: -l.creditCents }))];
  const debitOf = (account: string) => rows.filter((r) => r.account === account).reduce((s, r) => s + r.debitCents - r.creditCents, 0);
  const byRate = new Map<number | null, number>();
  for (const r of rows) {
    if (r.account !== ACCOUNTS.vatCollected) continue;
    const rate = rateOfVatLabel(r.label);
    byRate.set(rate, (byRate.get(rate) ?? 0) + r.creditCents - r.debitCents);
  }
  const carried = await accountLines(db, coopId, { account: ACCOUNTS.vatCreditToCarry, to: dayBefore(period.start) });
  return {
    collected: [...byRate].filter(([, cents]) => cents !== 0).map(([rateBp, cents]) => ({ rateBp, cents })),
    deductibleOnFixedAssetsCents: debitOf(ACCOUNTS.vatDeductibleOnFixedAssets),
    deductibleOtherCents: debitOf(DEDUCTIBLE_VAT_ACCOUNT),
    carriedCreditCents: Math.max(0, carried.reduce((s, l) => s + l.amountCents, 0)),
  };
}
