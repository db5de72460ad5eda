import { and, eq, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { activityScopeOf } from '../activities/index.js';
import { memberIdOfUser } from '../members/index.js';

/**
 * Whose fees and mandates a person may read: the coop's team and its accountant everyone's
 * (the one scope rule's 'all', `activityScopeOf`), a member only their own — a fee is the
 * member's, on no activity; null when they may read none.
 */
export async function ownerScope(db: Executor, actor: Actor, columns: { coopId: Parameters<typeof eq>[0]; memberId: Parameters<typeof eq>[0] }): Promise<SQL | null> {
  const inCoop = eq(columns.coopId, actor.coopId);
  if ((await activityScopeOf(db, actor)) === 'all') return inCoop;
  const memberId = await memberIdOfUser(db, actor.coopId, actor.userId);
  return memberId ? and(inCoop, eq(columns.memberId, memberId))! : null;
}
