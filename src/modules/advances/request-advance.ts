import { recordAudit } from '../../platform/audit/record-audit.js';
import { sqlConstraint, sqlState, UNIQUE_VIOLATION, type Db } from '../../platform/db/client.js';
import { isStaff, type Actor } from '../../platform/http/context.js';
import { holdersOf } from '../activities/index.js';
import { memberIdOfUser } from '../members/index.js';
import { advanceInputs } from './advance-inputs.js';
import { advanceTarget } from './advanced-document.js';
import type { RequestAdvanceBody } from './contract.js';
import { mayAdvance } from './domain/may-advance.js';
import { advanceErrors, refusalError } from './errors.js';
import { getFundSettings } from './fund-settings.js';
import { advances } from './schema.js';

/**
 * A member asks the guarantee fund to prefinance one of her activities' issued invoices, or a
 * quote her client accepted. The document must be in her scope (a 404 otherwise, as for reading
 * it); the rules are checked now
 * so she hears at once what stands in the way, and again at approval under the fund's lock.
 * The team may ask on a member's behalf: the advance is then the main holder's.
 */
export async function requestAdvance(db: Db, actor: Actor, input: RequestAdvanceBody, today: string): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    const target = await advanceTarget(tx, actor, input);
    const own = await memberIdOfUser(tx, actor.coopId, actor.userId);
    const holders = (await holdersOf(tx, actor.coopId, [target.activityId])).get(target.activityId) ?? [];
    const memberId = own && holders.some((h) => h.memberId === own) ? own : isStaff(actor) ? holders[0]?.memberId : own;
    if (!memberId) throw advanceErrors.NO_MEMBER_FOR_ADVANCE();
    const settings = await getFundSettings(tx, actor.coopId);
    const inputs = await advanceInputs(tx, { coopId: actor.coopId, target, memberId, settings, today, exceptAdvanceId: null });
    const decision = mayAdvance({ ...inputs, amountCents: input.amountCents });
    if (!decision.ok) throw refusalError(decision.reason, decision.limitCents);
    let id: string;
    try {
      const [row] = await tx
        .insert(advances)
        .values({ coopId: actor.coopId, activityId: target.activityId, memberId, ...target.ref, amountCents: input.amountCents, requestedBy: actor.userId })
        .returning({ id: advances.id });
      id = row!.id;
    } catch (err) {
      // Two requests on one document at once: the partial unique indexes let one in.
      if (sqlState(err) === UNIQUE_VIOLATION && ['advances_open_invoice_key', 'advances_open_quote_key'].includes(sqlConstraint(err) ?? '')) throw advanceErrors.ALREADY_ADVANCED();
      throw err;
    }
    await recordAudit(tx, actor, {
      action: 'advance.requested',
      entityType: 'advance',
      entityId: id,
      after: { status: 'requested', ...target.ref, documentNumber: target.number, amountCents: input.amountCents, activityId: target.activityId, memberId },
    });
    return { id };
  });
}
