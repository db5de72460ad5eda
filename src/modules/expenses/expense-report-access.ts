import { and, eq, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { invalidField } from '../../platform/errors.js';
import { isStaff, type Actor } from '../../platform/http/context.js';
import { activityIdsOfMember, activityScopeOf, activitySummaries, scopeHolds, whereInScope } from '../activities/index.js';
import { assertMembersExist, memberIdOfUser } from '../members/index.js';
import { expensesErrors } from './errors.js';
import { expenseReports, type ExpenseReportRow } from './schema.js';

/**
 * The expense reports a person may read: the coop's team and its accountant every one (the
 * activity scope's 'all'), a member only their own reports, on the activities the scope rule
 * gives them (`activityScopeOf`, the one rule); null when they may read none.
 */
export async function expenseReportScope(db: Executor, actor: Actor): Promise<SQL | null> {
  const scope = await activityScopeOf(db, actor);
  const inCoop = eq(expenseReports.coopId, actor.coopId);
  if (scope === 'all') return inCoop;
  const memberId = await memberIdOfUser(db, actor.coopId, actor.userId);
  if (!memberId) return null;
  const inScope = whereInScope(scope, inCoop, expenseReports.activityId);
  return inScope ? and(inScope, eq(expenseReports.memberId, memberId))! : null;
}

/** The report the actor may read (locked for update when asked); anything else reads as not found. */
export async function visibleExpenseReport(db: Executor, actor: Actor, id: string, opts: { lock?: boolean } = {}): Promise<ExpenseReportRow> {
  const scope = await expenseReportScope(db, actor);
  if (!scope) throw expensesErrors.EXPENSE_REPORT_NOT_FOUND();
  const query = db.select().from(expenseReports).where(and(scope, eq(expenseReports.id, id)));
  const [row] = opts.lock ? await query.for('update') : await query;
  if (!row) throw expensesErrors.EXPENSE_REPORT_NOT_FOUND();
  return row;
}

/**
 * Whose report it is, and on which activity: a member files their own (naming another member
 * is refused), the team names the member. The activity must be one the member holds and one
 * the actor sees, and open.
 */
export async function reportMemberAndActivity(db: Executor, actor: Actor, input: { memberId?: string; activityId: string }): Promise<{ memberId: string; activityName: string }> {
  let memberId: string;
  if (isStaff(actor)) {
    if (!input.memberId) throw invalidField('memberId', { fr: 'Indiquez le membre.', en: 'Name the member.' });
    await assertMembersExist(db, actor.coopId, [input.memberId], 'memberId');
    memberId = input.memberId;
  } else {
    const own = await memberIdOfUser(db, actor.coopId, actor.userId);
    if (!own) throw expensesErrors.NOT_A_MEMBER();
    if (input.memberId && input.memberId !== own) throw invalidField('memberId', { fr: 'Vous ne pouvez déposer que vos propres notes de frais.', en: 'You may file your own expense reports only.' });
    memberId = own;
  }
  const scope = await activityScopeOf(db, actor);
  const held = await activityIdsOfMember(db, actor.coopId, memberId);
  const activity = (await activitySummaries(db, actor.coopId, [input.activityId])).get(input.activityId);
  if (!activity || !held.includes(input.activityId) || !scopeHolds(scope, input.activityId)) {
    throw invalidField('activityId', { fr: 'Activité inconnue parmi celles du membre.', en: "Unknown activity among the member's." });
  }
  if (activity.status === 'closed') throw invalidField('activityId', { fr: 'Cette activité est clôturée.', en: 'This activity is closed.' });
  return { memberId, activityName: activity.name };
}
