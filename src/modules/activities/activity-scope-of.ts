import { and, inArray, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { isStaff, type Actor } from '../../platform/http/context.js';
import { memberIdOfUser } from '../members/index.js';
import { activityIdsOfMember } from './activity-lookup.js';

/** Who is looking: their cooperative, their account and their roles in it. */
export type Viewer = Pick<Actor, 'coopId' | 'userId' | 'roles'>;

/** Every activity of the cooperative, or the listed ones. */
export type ActivityScope = 'all' | string[];

/**
 * The activities whose business a person may read: every one for the coop's team (admins and
 * advisors) and its accountant, for a member the activities they hold, alone or shared. The
 * accountant only reads: the routes that change a document are not open to that role. The cooperative, not the
 * member, is the counterpart of clients and the issuer of invoices, and another member's
 * business is not theirs to read. A member account not yet linked to a member record holds
 * none. This is the one place the rule is written: activities, clients, invoices, quotes,
 * payments and ledger balances all ask it.
 */
export async function activityScopeOf(db: Executor, viewer: Viewer): Promise<ActivityScope> {
  if (isStaff(viewer) || viewer.roles.includes('accountant')) return 'all';
  const memberId = await memberIdOfUser(db, viewer.coopId, viewer.userId);
  return memberId ? activityIdsOfMember(db, viewer.coopId, memberId) : [];
}

/** Whether the scope holds one activity (for 'all', the caller checks the activity is the coop's). */
export const scopeHolds = (scope: ActivityScope, activityId: string): boolean => scope === 'all' || scope.includes(activityId);

/**
 * The scope as a `where` condition: `inCoop` alone for the whole cooperative, narrowed to the
 * rows whose activity is in the scope, or null when the scope holds no activity (the caller
 * answers an empty page or a 404 without querying). `activity` is the column holding the
 * row's activity id, or, when the activity is reached through another table (a client's
 * links, a payment's allocations), the condition built from the scope's ids.
 */
export function whereInScope(scope: ActivityScope, inCoop: SQL, activity: AnyColumn | ((activityIds: string[]) => SQL)): SQL | null {
  if (scope === 'all') return inCoop;
  if (scope.length === 0) return null;
  return and(inCoop, typeof activity === 'function' ? activity(scope) : inArray(activity, scope))!;
}
