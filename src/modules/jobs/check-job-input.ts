import type { Executor } from '../../platform/db/client.js';
import { invalidField } from '../../platform/errors.js';
import { isStaff, type Actor } from '../../platform/http/context.js';
import { activitySummaries, holdersOf, scopeHolds, type ActivityScope } from '../activities/index.js';
import { isClientInScope } from '../clients/index.js';
import { PARTICIPANTS_FIELD } from './errors.js';

export interface JobInput {
  clientId: string;
  bringerMemberId: string | null;
  bringerActivityId: string | null;
  marginRateBp: number;
  commissionRateBp: number;
  participants: readonly { activityId: string; shareBp: number }[];
}

/**
 * The checks a job passes before it is written, each answering on its field (a 400): a client
 * the person sees; participants that are distinct, open activities, whose shares add up to
 * 100 % (the database checks the sum again at commit, for a race); a bringer who holds the
 * activity their commission goes to; a margin and a commission that leave the participants
 * something. A member declares a job only between their own activities and without a
 * bringer: sharing revenue with other members and paying a commission are arrangements the
 * team makes, because they move one member's money to another.
 */
export async function checkJobInput(tx: Executor, actor: Actor, scope: ActivityScope, input: JobInput): Promise<void> {
  if (!(await isClientInScope(tx, actor.coopId, scope, input.clientId))) {
    throw invalidField('clientId', { fr: 'Client inconnu dans cette coopérative.', en: 'Unknown client in this cooperative.' });
  }
  const ids = input.participants.map((p) => p.activityId);
  if (new Set(ids).size !== ids.length) throw invalidField(PARTICIPANTS_FIELD, { fr: 'Une activité figure deux fois.', en: 'An activity is listed twice.' });
  const summaries = await activitySummaries(tx, actor.coopId, ids);
  const unknown = input.participants.findIndex((p) => !summaries.has(p.activityId) || !scopeHolds(scope, p.activityId));
  if (unknown >= 0) throw invalidField(`${PARTICIPANTS_FIELD}.${unknown}.activityId`, { fr: 'Activité inconnue dans cette coopérative.', en: 'Unknown activity in this cooperative.' });
  const closed = input.participants.findIndex((p) => summaries.get(p.activityId)?.status === 'closed');
  if (closed >= 0) throw invalidField(`${PARTICIPANTS_FIELD}.${closed}.activityId`, { fr: 'Cette activité est clôturée.', en: 'This activity is closed.' });
  if (input.participants.reduce((s, p) => s + p.shareBp, 0) !== 10_000) {
    throw invalidField(PARTICIPANTS_FIELD, { fr: 'Les parts doivent totaliser 100 %.', en: 'The shares must add up to 100 %.' });
  }
  if (input.marginRateBp + input.commissionRateBp > 10_000) {
    throw invalidField('marginRateBp', { fr: 'La marge et la commission dépassent ensemble 100 %.', en: 'The margin and the commission together exceed 100 %.' });
  }
  if ((input.bringerMemberId === null) !== (input.bringerActivityId === null)) {
    throw invalidField('bringerActivityId', { fr: "Indiquez l'apporteur et l'activité qui reçoit sa commission.", en: "Give the bringer and the activity their commission goes to." });
  }
  if (!isStaff(actor) && (input.bringerMemberId !== null || input.marginRateBp !== 0)) {
    throw invalidField('bringerMemberId', { fr: "L'apporteur d'affaires et la marge sont fixés par l'équipe de la coopérative.", en: "The deal bringer and the margin are set by the cooperative's team." });
  }
  if (input.bringerMemberId && input.bringerActivityId) {
    const holders = (await holdersOf(tx, actor.coopId, [input.bringerActivityId])).get(input.bringerActivityId) ?? [];
    if (!holders.some((h) => h.memberId === input.bringerMemberId)) {
      throw invalidField('bringerActivityId', { fr: "L'apporteur ne détient pas cette activité.", en: 'The bringer does not hold this activity.' });
    }
  }
}
