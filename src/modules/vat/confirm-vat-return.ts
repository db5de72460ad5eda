import { randomUUID } from 'node:crypto';
import { recordAudit } from '../../platform/audit/record-audit.js';
import { sqlConstraint, sqlState, UNIQUE_VIOLATION, type Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { postEntry, vatSettlementEntry } from '../ledger/index.js';
import { vatReturnBoxes, type VatBox } from './domain/vat-boxes.js';
import { vatPeriodOf } from './domain/vat-periods.js';
import { vatErrors } from './errors.js';
import { vatReturns } from './schema.js';
import { confirmedReturnOf } from './get-vat-summary.js';
import { VAT_SETTLEMENT_SOURCE, vatFiguresOf } from './vat-figures-of.js';

/**
 * The accountant confirms a period's return once it is over: its boxes are kept as filed and
 * the settlement entry posted on the period's last day (PCG: 44571 cleared against the
 * deductible VAT, the rest to 44551 to pay or 44567 to carry), one transaction, audited. A
 * period is confirmed once: checked first, and the unique key on (coop, period start) refuses
 * a second confirmation that raced the first.
 */
export async function confirmVatReturn(db: Db, actor: Actor, periodKey: string, today: string): Promise<{ period: string; entryId: string; boxes: ReturnType<typeof vatReturnBoxes>['boxes'] }> {
  const period = vatPeriodOf(periodKey);
  if (!period) throw new RangeError(`not a VAT period: ${periodKey}`);
  if (today <= period.end) throw vatErrors.VAT_PERIOD_NOT_OVER();
  try {
    return await db.transaction(
      async (tx) => {
        if (await confirmedReturnOf(tx, actor.coopId, period.start)) throw vatErrors.VAT_RETURN_ALREADY_CONFIRMED();
        const figures = await vatFiguresOf(tx, actor.coopId, period, null);
        const { boxes } = vatReturnBoxes(figures);
        const box = (b: VatBox) => boxes.find((x) => x.box === b)?.taxCents ?? 0;
        const posting = vatSettlementEntry({
          collectedCents: box('16'),
          deductibleOnFixedAssetsCents: figures.deductibleOnFixedAssetsCents,
          deductibleOtherCents: figures.deductibleOtherCents,
          carriedCreditCents: figures.carriedCreditCents,
          creditCents: box('25'),
          dueCents: box('28'),
        });
        if (posting.lines.length === 0) throw vatErrors.VAT_RETURN_EMPTY();
        const id = randomUUID();
        const entry = await postEntry(tx, actor, { ...posting, date: period.end, label: `Déclaration de TVA ${period.key}`, source: { type: VAT_SETTLEMENT_SOURCE, id }, documentRef: `TVA ${period.key}` });
        await tx.insert(vatReturns).values({ coopId: actor.coopId, id, periodKey: period.key, periodStart: period.start, periodEnd: period.end, boxes, entryId: entry.id, confirmedBy: actor.userId });
        await recordAudit(tx, actor, { action: 'vat.return_confirmed', entityType: 'vat_return', entityId: id, after: { period: period.key, boxes, entryId: entry.id } });
        return { period: period.key, entryId: entry.id, boxes };
      },
      { isolationLevel: 'read committed' },
    );
  } catch (err) {
    if (sqlState(err) === UNIQUE_VIOLATION && sqlConstraint(err) === 'vat_returns_period_key') throw vatErrors.VAT_RETURN_ALREADY_CONFIRMED();
    throw err;
  }
}
