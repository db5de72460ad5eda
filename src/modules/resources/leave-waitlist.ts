import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db } from '../../platform/db/client.js';
import { isStaff, type Actor } from '../../platform/http/context.js';
import { memberIdOfUser } from '../members/index.js';
import { getWaitlistEntry } from './list-waitlist.js';
import { opsErrors } from './ops-errors.js';
import { resourceWaitlist } from './schema.js';
import type { WaitlistEntry } from './waitlist-contract.js';

/**
 * The member stops waiting (the team may take anyone off). Only a wait still waiting is left:
 * a notified one has done its work and stays as the record that the member was told.
 */
export async function leaveWaitlist(db: Db, actor: Actor, id: string): Promise<WaitlistEntry> {
  const staff = isStaff(actor);
  const self = staff ? null : await memberIdOfUser(db, actor.coopId, actor.userId);
  await db.transaction(async (tx) => {
    const [w] = await tx.select().from(resourceWaitlist).where(and(eq(resourceWaitlist.coopId, actor.coopId), eq(resourceWaitlist.id, id))).for('update');
    // Another member's wait is not theirs to see: the same 404 as a wait that does not exist.
    if (!w || (!staff && (self === null || w.memberId !== self))) throw opsErrors.WAITLIST_NOT_FOUND();
    if (w.status !== 'waiting') throw opsErrors.WAITLIST_NOT_WAITING();
    await tx.update(resourceWaitlist).set({ status: 'left' }).where(and(eq(resourceWaitlist.coopId, actor.coopId), eq(resourceWaitlist.id, id)));
    await recordAudit(tx, actor, { action: 'resource_waitlist.leave', entityType: 'resource_waitlist', entityId: id, before: { status: w.status }, after: { status: 'left' } });
  });
  return getWaitlistEntry(db, actor.coopId, id);
}
