import type { Executor } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { holdersOf } from '../activities/index.js';
import { clientNames } from '../clients/index.js';
import { memberIdOfUser } from '../members/index.js';
import { acceptedQuotesLeftToInvoice } from '../quotes/index.js';
import type { SalaryOverview } from './contract.js';
import { askableMonths } from './domain/salary-rules.js';
import { availableForSalary } from './available-for-salary.js';
import { visibleActivity } from './salary-access.js';
import { getSalarySettings } from './salary-settings.js';

/** What the salary page of one activity shows: the rates, what is available, the accepted quotes left to invoice, the months that may be asked. */
export async function salaryOverview(db: Executor, actor: Actor, activityId: string, today: string): Promise<SalaryOverview> {
  const activity = await visibleActivity(db, actor, activityId);
  const [rates, money, pipeline, memberId, holders] = await Promise.all([
    getSalarySettings(db, actor.coopId),
    availableForSalary(db, actor.coopId, activityId, today),
    acceptedQuotesLeftToInvoice(db, actor.coopId, activityId),
    memberIdOfUser(db, actor.coopId, actor.userId),
    holdersOf(db, actor.coopId, [activityId]),
  ]);
  const names = await clientNames(db, actor.coopId, pipeline.map((q) => q.clientId));
  return {
    activityId,
    activityCode: activity.code,
    activityName: activity.name,
    rates,
    availableCents: money.availableCents,
    pendingCents: money.pendingCents,
    pipeline: pipeline.map((q) => ({ quoteId: q.quoteId, number: q.number, clientName: names.get(q.clientId) ?? '', leftToInvoiceNetCents: q.leftToInvoiceNetCents })),
    askableMonths: askableMonths(today).map((m) => m.slice(0, 7)),
    canRequest: memberId !== null && (holders.get(activityId) ?? []).some((h) => h.memberId === memberId),
  };
}
