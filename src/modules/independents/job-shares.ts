import { and, eq, inArray, sql, sum } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { invalidField } from '../../platform/errors.js';
import type { Actor } from '../../platform/http/context.js';
import { activityIdsOfMember, activityScopeOf, activitySummaries } from '../activities/index.js';
import { clientNames } from '../clients/index.js';
import { expectedContribution } from '../contribution/index.js';
import { activityJobParts } from '../jobs/index.js';
import { memberIdOfUser } from '../members/index.js';
import type { JobShare } from './contract.js';
import { jobShareLeft } from './domain/job-share.js';
import { memberInvoices } from './schema.js';

/**
 * The shares of jobs the given activities may invoice the coop for, one per job and activity:
 * the part as issued (jobs), the commission it owes, the contribution it bears (the
 * contribution module's rule), and what was already invoiced to the coop for that job on that
 * activity (every member invoice naming the job: received, accepted or paid).
 */
export async function jobSharesOf(db: Executor, coopId: string, of: { activityIds: string[] | 'all'; jobId?: string }): Promise<JobShare[]> {
  const parts = (await activityJobParts(db, coopId, of)).filter((p) => p.revenueCents > 0);
  if (parts.length === 0) return [];
  const invoiced = await db
    .select({ jobId: memberInvoices.jobId, activityId: memberInvoices.activityId, cents: sum(memberInvoices.netCents).mapWith(Number) })
    .from(memberInvoices)
    .where(and(eq(memberInvoices.coopId, coopId), inArray(memberInvoices.jobId, [...new Set(parts.map((p) => p.jobId))])))
    .groupBy(memberInvoices.jobId, memberInvoices.activityId);
  const invoicedOf = (jobId: string, activityId: string) => invoiced.find((i) => i.jobId === jobId && i.activityId === activityId)?.cents ?? 0;
  const [clients, activities] = await Promise.all([clientNames(db, coopId, parts.map((p) => p.clientId)), activitySummaries(db, coopId, parts.map((p) => p.activityId))]);
  const out: JobShare[] = [];
  for (const p of parts) {
    const contributionCents = await expectedContribution(db, coopId, p.activityId, p.revenueCents);
    const invoicedCents = invoicedOf(p.jobId, p.activityId);
    out.push({
      jobId: p.jobId,
      reference: p.reference,
      title: p.title,
      clientName: clients.get(p.clientId) ?? '',
      activityId: p.activityId,
      activityName: activities.get(p.activityId)?.name ?? '',
      revenueCents: p.revenueCents,
      commissionOwedCents: p.commissionOwedCents,
      contributionCents,
      invoicedCents,
      leftCents: jobShareLeft({ revenueCents: p.revenueCents, commissionOwedCents: p.commissionOwedCents, contributionCents, invoicedCents }),
    });
  }
  return out;
}

/**
 * The job shares a person may invoice the coop for: a member those of the activities they
 * hold within their scope (`activityScopeOf`, the one rule), never another's part of a job
 * they share; the team and the accountant every one.
 */
export async function listJobShares(db: Executor, actor: Actor): Promise<JobShare[]> {
  const scope = await activityScopeOf(db, actor);
  if (scope === 'all') return jobSharesOf(db, actor.coopId, { activityIds: 'all' });
  const memberId = await memberIdOfUser(db, actor.coopId, actor.userId);
  if (!memberId) return [];
  const held = new Set(await activityIdsOfMember(db, actor.coopId, memberId));
  return jobSharesOf(db, actor.coopId, { activityIds: scope.filter((id) => held.has(id)) });
}

/**
 * A member invoice naming a job is for that activity's share of it: the activity must have a
 * part in the job, and the amount may not exceed what is left to invoice (the coop would pay
 * the same work twice). Run inside the invoice's transaction: two invoices for the same share
 * take turns on a transaction lock, so the second reads what the first invoiced.
 */
export async function assertWithinJobShare(db: Executor, coopId: string, input: { jobId: string; activityId: string; netCents: number }): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(13, hashtext(${`${coopId}:${input.jobId}:${input.activityId}`}))`);
  const [share] = await jobSharesOf(db, coopId, { activityIds: [input.activityId], jobId: input.jobId });
  if (!share) throw invalidField('jobId', { fr: "Cette activité n'a pas de part facturée dans cette affaire.", en: 'This activity has no invoiced part in this job.' });
  if (input.netCents > share.leftCents) {
    const euros = (c: number, locale: string) => new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(c / 100);
    throw invalidField('netCents', {
      fr: `Au plus ${euros(share.leftCents, 'fr-FR')} HT restent à facturer sur cette affaire.`,
      en: `At most ${euros(share.leftCents, 'en-GB')} excl. VAT is left to invoice on this job.`,
    });
  }
}
