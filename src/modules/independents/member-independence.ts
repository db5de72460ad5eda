import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { activityScopeOf } from '../activities/index.js';
import { memberIdOfUser, memberNames } from '../members/index.js';
import { independenceOf } from './check-independence.js';
import type { IndependenceView } from './contract.js';
import { independentsErrors } from './errors.js';

/** A member's volume against their declared revenue: the team reads anyone's, a member only their own. */
export async function memberIndependence(db: Db, actor: Actor, memberId: string, today: string): Promise<IndependenceView> {
  const everyone = (await activityScopeOf(db, actor)) === 'all';
  if (!everyone && (await memberIdOfUser(db, actor.coopId, actor.userId)) !== memberId) throw independentsErrors.MEMBER_NOT_FOUND();
  if (!(await memberNames(db, actor.coopId, [memberId])).has(memberId)) throw independentsErrors.MEMBER_NOT_FOUND();
  return independenceOf(db, actor.coopId, memberId, today);
}

/** The signed-in member's own view. */
export async function myIndependence(db: Db, actor: Actor, today: string): Promise<IndependenceView> {
  const memberId = await memberIdOfUser(db, actor.coopId, actor.userId);
  if (!memberId) throw independentsErrors.NOT_A_MEMBER();
  return independenceOf(db, actor.coopId, memberId, today);
}
