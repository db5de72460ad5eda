import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { activityScopeOf, activitySummaries, whereInScope } from '../activities/index.js';
import { memberIdOfUser, memberNames } from '../members/index.js';
import type { ExpenseAdvance } from './contract.js';
import { expenseAdvances } from './schema.js';

/** The expense advances paid, newest first: the team every one, a member their own on their activities. */
export async function listExpenseAdvances(db: Db, actor: Actor): Promise<ExpenseAdvance[]> {
  const scope = await activityScopeOf(db, actor);
  const inCoop = eq(expenseAdvances.coopId, actor.coopId);
  let where = whereInScope(scope, inCoop, expenseAdvances.activityId);
  if (where && scope !== 'all') {
    const memberId = await memberIdOfUser(db, actor.coopId, actor.userId);
    where = memberId ? and(where, eq(expenseAdvances.memberId, memberId))! : null;
  }
  if (!where) return [];
  const rows = await db.select().from(expenseAdvances).where(where).orderBy(desc(expenseAdvances.paidOn), desc(expenseAdvances.createdAt)).limit(200);
  const [names, activities] = await Promise.all([memberNames(db, actor.coopId, [...new Set(rows.map((r) => r.memberId))]), activitySummaries(db, actor.coopId, rows.map((r) => r.activityId))]);
  return rows.map((r) => ({
    id: r.id,
    memberId: r.memberId,
    memberName: names.get(r.memberId) ?? '',
    activityId: r.activityId,
    activityName: activities.get(r.activityId)?.name ?? '',
    amountCents: r.amountCents,
    paidOn: r.paidOn,
    reference: r.reference,
  }));
}
