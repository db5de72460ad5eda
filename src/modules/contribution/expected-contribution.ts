import type { Executor } from '../../platform/db/client.js';
import { contributionRuleOf } from './contribution-rule-of.js';
import { fullContribution } from './domain/contribution-of.js';

/**
 * The contribution an activity's part of revenue bears in full under the rule in force (its
 * override, else the coop's rate, per-document floor and ceiling): what an independent's share
 * of a job leaves to the coop, whether the posting has happened yet (basis 'payment') or not.
 */
export async function expectedContribution(db: Executor, coopId: string, activityId: string, baseCents: number): Promise<number> {
  return fullContribution(baseCents, await contributionRuleOf(db, coopId, activityId));
}
