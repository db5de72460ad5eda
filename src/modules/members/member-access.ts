import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { isStaff, type Actor } from '../../platform/http/context.js';
import { memberErrors } from './errors.js';
import { members, type MemberRow } from './schema.js';

/**
 * The member row the actor may see: staff and admins see every member of their coop, a member
 * only themself. Anything else is answered as not found, so ids of others reveal nothing.
 * `lock` takes the row FOR UPDATE, for the operations that change it.
 */
export async function visibleMember(db: Executor, actor: Pick<Actor, 'coopId' | 'userId' | 'roles'>, memberId: string, lock = false): Promise<MemberRow> {
  const query = db.select().from(members).where(and(eq(members.coopId, actor.coopId), eq(members.id, memberId)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row || (!isStaff(actor) && row.userId !== actor.userId)) throw memberErrors.MEMBER_NOT_FOUND();
  return row;
}
