import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { invalidField } from '../../platform/errors.js';
import { assertMembersExist } from '../members/index.js';
import { eventThemeProposals } from './schema.js';

export interface EventFields {
  hostMemberId: string | null;
  hostName: string | null;
  startsAt: Date;
  endsAt: Date;
  registrationDeadline: Date | null;
  proposalId: string | null;
}

/** The rules across fields the schema cannot see, each a 400 naming its field (the checks of `events` back them). */
export async function checkEventFields(db: Executor, coopId: string, f: EventFields): Promise<void> {
  if (f.hostMemberId && f.hostName) throw invalidField('hostName', { fr: "Un membre de la coopérative ou un animateur extérieur, pas les deux.", en: 'A member of the coop or an outside host, not both.' });
  if (f.endsAt.getTime() <= f.startsAt.getTime()) throw invalidField('endsAt', { fr: 'La fin doit suivre le début.', en: 'The end must come after the start.' });
  if (f.endsAt.getTime() - f.startsAt.getTime() > 14 * 86_400_000) throw invalidField('endsAt', { fr: 'Un évènement dure 14 jours au plus.', en: 'An event lasts 14 days at most.' });
  if (f.registrationDeadline && f.registrationDeadline.getTime() > f.startsAt.getTime()) throw invalidField('registrationDeadline', { fr: 'La clôture des inscriptions vient au plus tard au début.', en: 'Registrations close at the start at the latest.' });
  if (f.hostMemberId) await assertMembersExist(db, coopId, [f.hostMemberId], 'hostMemberId');
  if (f.proposalId) {
    const [p] = await db.select({ id: eventThemeProposals.id }).from(eventThemeProposals).where(and(eq(eventThemeProposals.coopId, coopId), eq(eventThemeProposals.id, f.proposalId)));
    if (!p) throw invalidField('proposalId', { fr: 'Proposition de thème inconnue.', en: 'Unknown theme proposal.' });
  }
}
