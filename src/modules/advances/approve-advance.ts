import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { ACCOUNTS, JOURNALS, postEntry } from '../ledger/index.js';
import { advanceInputs } from './advance-inputs.js';
import { advanceTarget } from './advanced-document.js';
import { mayAdvance } from './domain/may-advance.js';
import { advanceErrors, refusalError } from './errors.js';
import { lockFund } from './fund-settings.js';
import { lockedAdvance } from './locked-advance.js';
import { advances } from './schema.js';

/**
 * The team approves an advance, and the fund pays it in the same transaction: one OD entry
 * D 4675 (the activity) / C 4676 (the fund, no activity) for the amount, and the fee at the
 * fund's rate D 6278 (the activity) / C 7589 (the fund). The activity's available treasury
 * rises by the amount less the fee.
 *
 * The rules are checked again here, not trusted from the request: the fund's settings row is
 * locked first (two approvals of a coop take turns on what the fund has left), then the
 * invoice or quote (as a payment applied to it does, so what the client paid cannot move
 * under the check), then the advance.
 */
export async function approveAdvance(db: Db, actor: Actor, id: string, today: string): Promise<void> {
  await db.transaction(async (tx) => {
    const settings = await lockFund(tx, actor.coopId);
    const [peek] = await tx.select({ invoiceId: advances.invoiceId, quoteId: advances.quoteId }).from(advances).where(and(eq(advances.coopId, actor.coopId), eq(advances.id, id)));
    if (!peek) throw advanceErrors.ADVANCE_NOT_FOUND();
    const target = await advanceTarget(tx, actor, peek, { lock: true });
    const advance = await lockedAdvance(tx, actor.coopId, id);
    if (advance.status !== 'requested') throw advanceErrors.ADVANCE_NOT_REQUESTED();
    const inputs = await advanceInputs(tx, { coopId: actor.coopId, target, memberId: advance.memberId, settings, today, exceptAdvanceId: advance.id });
    const decision = mayAdvance({ ...inputs, amountCents: advance.amountCents });
    if (!decision.ok) throw refusalError(decision.reason, decision.limitCents);
    const { feeCents } = decision;
    const label = `Préfinancement ${target.label}`;
    const entry = await postEntry(tx, actor, {
      journal: JOURNALS.misc,
      date: today,
      label,
      source: { type: 'advance', id: advance.id },
      lines: [
        { account: ACCOUNTS.advancesGranted, activityId: advance.activityId, debitCents: advance.amountCents },
        { account: ACCOUNTS.fundAdvancesOutstanding, creditCents: advance.amountCents },
        ...(feeCents > 0
          ? [
              { account: ACCOUNTS.advanceFeeCharge, activityId: advance.activityId, debitCents: feeCents, label: 'Frais de préfinancement' },
              { account: ACCOUNTS.fundIncome, creditCents: feeCents, label: 'Frais de préfinancement' },
            ]
          : []),
      ],
    });
    const decidedAt = new Date();
    await tx
      .update(advances)
      .set({ status: 'paid', feeCents, decidedBy: actor.userId, decidedAt, paidEntryId: entry.id, invoicePaidAtAdvanceCents: target.document.paidCents })
      .where(and(eq(advances.coopId, actor.coopId), eq(advances.id, advance.id)));
    const ids = { activityId: advance.activityId, memberId: advance.memberId, ...target.ref };
    await recordAudit(tx, actor, { action: 'advance.approved', entityType: 'advance', entityId: advance.id, before: { status: 'requested' }, after: { status: 'approved', ...ids } });
    await recordAudit(tx, actor, {
      action: 'advance.paid',
      entityType: 'advance',
      entityId: advance.id,
      before: { status: 'approved' },
      after: { status: 'paid', amountCents: advance.amountCents, feeCents, entryId: entry.id, ...ids },
    });
  });
}
