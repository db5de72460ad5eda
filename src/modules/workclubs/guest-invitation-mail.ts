import type { Executor } from '../../platform/db/client.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import { getCoop } from '../coops/index.js';
import { guestLinkUrl } from './guest-link-url.js';

/**
 * The invitation a guest receives, with their personal link (signed with their current
 * secret), queued in the caller's transaction. Sent at the first invitation and again, with a
 * new link, when staff invite them again after cutting their access.
 */
export async function enqueueGuestInvitation(
  tx: Executor,
  publicUrl: string,
  coopId: string,
  guest: { id: string; name: string; email: string; linkSecret: string },
  season: { name: string; startsOn: string; endsOn: string },
  projectTitle: string,
  again: boolean,
): Promise<string> {
  const coop = await getCoop(tx, coopId);
  const link = guestLinkUrl(publicUrl, coopId, guest, season.endsOn);
  return enqueueMail(tx, {
    coopId,
    to: guest.email,
    subject: `${coop.name} vous invite au workclub « ${season.name} »`,
    text: [
      `Bonjour ${guest.name},`,
      '',
      `${coop.name} vous invite à rejoindre un workclub de la saison « ${season.name} » (du ${season.startsOn} au ${season.endsOn}) : un petit groupe de personnes qui, pendant 45 jours, font avancer chacune un projet avec l’aide et le réseau des autres.`,
      `Votre projet : ${projectTitle}`,
      '',
      'Sur la page de votre groupe, sans créer de compte, vous fixez vos objectifs et racontez vos avancées à chaque séance :',
      link,
      '',
      again ? 'Ce nouveau lien remplace le précédent, qui ne fonctionne plus. Il est personnel ; ne le transférez pas.' : 'Ce lien est personnel ; ne le transférez pas.',
    ].join('\n'),
    template: again ? 'workclub.guest_reinvited' : 'workclub.guest_invited',
  });
}
