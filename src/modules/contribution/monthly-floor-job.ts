import { and, eq, sql } from 'drizzle-orm';
import { recordAudit, type AuditActor } from '../../platform/audit/record-audit.js';
import type { Db, Executor } from '../../platform/db/client.js';
import type { JobHandler } from '../../platform/jobs/run-due-jobs.js';
import { jobs } from '../../platform/jobs/schema.js';
import { activeActivityIds } from '../activities/index.js';
import { JOURNALS, postEntry } from '../ledger/index.js';
import { coopBoundsOf, contributionRuleOf } from './contribution-rule-of.js';
import { lastDayOfMonth, monthOf, monthlyTopUp, nextMonth } from './domain/contribution-of.js';
import { contributionLines, lockActivityMonth, monthTotalOf } from './settle-contribution.js';
import { contributionActivitySettings, contributionPostings } from './schema.js';

export const MONTHLY_FLOOR_JOB = 'contribution.monthly_floor';

/**
 * Queues the month-end run of `month` ('YYYY-MM') for the coop, due on the 1st of the next
 * month at 03:00 UTC (past midnight in France whatever the season), unless it is queued
 * already. Each run queues the next month's, so one save of a monthly floor keeps it going.
 */
async function enqueueMonthEnd(tx: Executor, coopId: string, month: string): Promise<void> {
  const [queued] = await tx
    .select({ id: jobs.id })
    .from(jobs)
    .where(and(eq(jobs.coopId, coopId), eq(jobs.kind, MONTHLY_FLOOR_JOB), sql`${jobs.payload}->>'month' = ${month}`))
    .limit(1);
  if (queued) return;
  await tx.insert(jobs).values({ coopId, kind: MONTHLY_FLOOR_JOB, payload: { month }, runAfter: new Date(`${nextMonth(month)}-01T03:00:00Z`) });
}

/** Starts the month-end runs from the current month (a monthly floor was just set). */
export async function enqueueMonthlyFloor(tx: Executor, coopId: string, today: string): Promise<void> {
  await enqueueMonthEnd(tx, coopId, monthOf(today));
}

/** Whether any rule of the coop still has a monthly floor, to keep the runs going or let them stop. */
async function hasMonthlyFloor(db: Executor, coopId: string): Promise<boolean> {
  const coop = await coopBoundsOf(db, coopId);
  if (coop.boundPeriod === 'month' && coop.floorCents !== null) return true;
  const [own] = await db
    .select({ id: contributionActivitySettings.activityId })
    .from(contributionActivitySettings)
    .where(
      and(
        eq(contributionActivitySettings.coopId, coopId),
        eq(contributionActivitySettings.boundsOverridden, true),
        eq(contributionActivitySettings.boundPeriod, 'month'),
        sql`${contributionActivitySettings.floorCents} is not null`,
      ),
    )
    .limit(1);
  return Boolean(own);
}

/**
 * The monthly floor: an active activity whose contribution of the month stayed below its
 * floor gets a top-up of the difference, dated the last day of the month (D 6581 on the
 * activity / C 7588). Once per activity and month whatever happens: the unique key on
 * (coop, activity, month) of top-ups makes a second run, or a run retried after a crash,
 * post nothing, and each activity is done in its own transaction, so one failing (a closed
 * fiscal year) does not hold back the others. Returns what was topped up.
 */
export async function runMonthlyFloor(db: Db, actor: AuditActor, month: string): Promise<{ activityId: string; amountCents: number }[]> {
  const done: { activityId: string; amountCents: number }[] = [];
  for (const activityId of await activeActivityIds(db, actor.coopId)) {
    const posted = await db.transaction(async (tx) => {
      const rule = await contributionRuleOf(tx, actor.coopId, activityId);
      if (rule.period !== 'month' || rule.floorCents === null) return null;
      await lockActivityMonth(tx, actor.coopId, activityId, month);
      const total = await monthTotalOf(tx, actor.coopId, activityId, month);
      const amountCents = monthlyTopUp(total, rule.floorCents);
      if (amountCents === 0) return null;
      const date = lastDayOfMonth(month);
      const [row] = await tx
        .insert(contributionPostings)
        .values({
          coopId: actor.coopId,
          invoiceId: null,
          activityId,
          month,
          postedOn: date,
          cause: 'monthly_floor',
          basis: rule.basis,
          baseCents: 0,
          rateBp: rule.rateBp,
          fullCents: 0,
          dueCents: amountCents,
          amountCents,
        })
        .onConflictDoNothing()
        .returning({ id: contributionPostings.id });
      if (!row) return null;
      const label = `Contribution coopérative – minimum du mois ${month}`;
      const entry = await postEntry(tx, actor, { journal: JOURNALS.misc, date, label, source: { type: 'contribution_floor', id: row.id }, lines: contributionLines([{ activityId, amountCents }], `Minimum ${month}`) });
      await tx
        .update(contributionPostings)
        .set({ entryId: entry.id })
        .where(and(eq(contributionPostings.coopId, actor.coopId), eq(contributionPostings.id, row.id)));
      await recordAudit(tx, actor, {
        action: 'contribution.posted',
        entityType: 'activity',
        entityId: activityId,
        after: { cause: 'monthly_floor', month, activityId, monthTotalCents: total, floorCents: rule.floorCents, amountCents, entryId: entry.id },
      });
      return amountCents;
    });
    if (posted !== null) done.push({ activityId, amountCents: posted });
  }
  return done;
}

/** The handler of the month-end job, for the composition root: tops the month up, then queues the next one. */
export function monthlyFloorJob(db: Db): JobHandler {
  return async (job) => {
    const { month } = job.payload as { month: string };
    await runMonthlyFloor(db, { coopId: job.coopId, userId: null }, month);
    if (await hasMonthlyFloor(db, job.coopId)) await db.transaction((tx) => enqueueMonthEnd(tx, job.coopId, nextMonth(month)));
  };
}
