import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';
import { addDays, FRANCE_TIME_ZONE } from '../platform/calendar/index.js';
import type { Db } from '../platform/db/client.js';
import type { FileStorage } from '../platform/files/storage.js';
import type { Actor } from '../platform/http/context.js';
import { applyToSeason, confirmGroups, getGroup, inviteExternal, openSeason, proposeSeasonGroups, reportProgress, rescheduleSession, scheduleSession, setGoal, updateGoal } from '../modules/workclubs/index.js';

dayjs.extend(utc);
dayjs.extend(timezone);

const D = '@demo.mutualise.coop';
/** Seven members with different trades, and their projects for the season. */
const APPLICANTS: { email: string; title: string; description: string; goals: string[] }[] = [
  { email: `camille.martin${D}`, title: 'Lancer une offre d’identité visuelle pour les artisans', description: 'Un forfait logo + charte + enseigne pensé pour les ateliers du quartier.', goals: ['Rencontrer 5 artisans', 'Publier la page de l’offre'] },
  { email: `etienne.lefevre${D}`, title: 'Vendre des meubles sur mesure en ligne', description: 'Un configurateur simple pour les bibliothèques et les dressings.', goals: ['Photographier 6 réalisations'] },
  { email: `ines.moreau${D}`, title: 'Passer l’accessibilité web en audit vendable', description: 'Transformer mes vérifications RGAA en une offre d’audit à prix fixe.', goals: ['Écrire la grille d’audit', 'Trouver 2 clients tests'] },
  { email: `lucas.bernard${D}`, title: 'Un studio photo partagé pour les produits', description: 'Louer le studio à la demi-journée aux créateurs de la coopérative.', goals: ['Chiffrer l’équipement'] },
  { email: `chloe.dubois${D}`, title: 'Traduire pour les entreprises de l’économie sociale', description: 'Se faire connaître des réseaux ESS qui publient en anglais et en espagnol.', goals: ['Contacter 3 réseaux ESS'] },
  { email: `hugo.petit${D}`, title: 'Une formation courte à la rénovation thermique', description: 'Une journée pour les particuliers qui préparent des travaux.', goals: ['Fixer la date de la première session'] },
  { email: `nathalie.roux${D}`, title: 'Accompagner les associations vers la coopérative', description: 'Un parcours en trois rendez-vous pour les associations qui veulent se transformer en SCIC.', goals: ['Écrire le déroulé des trois rendez-vous'] },
];

const REPORTS = ['Premiers contacts pris, deux rendez-vous calés.', 'La page est en ligne, premiers retours du groupe intégrés.', 'Bloqué·e sur le prix : le groupe m’aide à le fixer la semaine prochaine.', 'Fait : la liste est prête.'];

/** A Paris wall-clock time as an instant: sessions are held at 9:30 in Lyon whatever the server's zone. */
const parisAt = (day: string, time: string) => dayjs.tz(`${day} ${time}`, FRANCE_TIME_ZONE).toISOString();

/**
 * The demo's workclubs: "Saison d'automne", started 16 days ago, two groups of four (seven
 * members and a guest from a partner company), their sessions (kickoff, every two weeks, the
 * review on the 45th day), goals and the reports of the two sessions already held. With a
 * file storage (the full demo), group A's next session was moved an hour later: its four
 * people got the mail with the updated calendar, in the outbox.
 */
export async function seedDemoWorkclubs(ctx: { db: Db; advisor: Actor; memberActor: (email: string) => Actor; memberIds: Map<string, string>; now: Date; today: string; publicUrl: string; storage?: FileStorage }): Promise<void> {
  const { db, advisor, today } = ctx;
  const startsOn = addDays(today, -16);
  const season = await openSeason(db, advisor, { name: "Saison d'automne", applicationsOpenOn: addDays(startsOn, -21), applicationsCloseOn: addDays(startsOn, -3), startsOn });
  // The applications came in while the window was open: the operation takes that day as its today.
  for (const [i, a] of APPLICANTS.entries()) await applyToSeason(db, ctx.memberActor(a.email), season.id, { projectTitle: a.title, projectDescription: a.description }, addDays(startsOn, -20 + i));
  await inviteExternal(db, advisor, season.id, { name: 'Claire Vidal', email: 'claire.vidal@atelier-rhone.example', company: 'Atelier Rhône Numérique', projectTitle: 'Ouvrir l’atelier aux indépendants du quartier', projectDescription: 'Proposer nos machines (découpe laser, impression 3D) aux membres de la coopérative.' }, ctx.publicUrl);
  const proposal = await proposeSeasonGroups(db, advisor.coopId, season.id, 1, 'fr');
  const detail = await confirmGroups(db, advisor, season.id, { groups: proposal.groups.map((g) => ({ applicationIds: g.applicationIds })) });

  for (const [gi, g] of detail.groups.entries()) {
    const place = gi === 0 ? 'Salle Jaurès, 12 rue des Coopérateurs, Lyon' : 'https://visio.demo.mutualise.coop/workclub-b';
    const sessions = [];
    for (const day of [startsOn, addDays(startsOn, 14), addDays(startsOn, 28), season.endsOn]) sessions.push(await scheduleSession(db, null, advisor, g.id, { startsAt: parisAt(day, gi === 0 ? '09:30' : '14:00'), durationMinutes: 120, place }));
    const held = sessions.filter((s) => s.startsAt.getTime() < ctx.now.getTime());
    for (const applicationId of g.applicationIds) {
      const application = detail.applications.find((a) => a.id === applicationId)!;
      if (!application.memberId) continue;
      const applicant = APPLICANTS.find((a) => ctx.memberIds.get(a.email) === application.memberId)!;
      const reader = { coopId: advisor.coopId, team: false as const, memberId: application.memberId };
      for (const goal of applicant.goals) await setGoal(db, reader, g.id, goal);
      for (const [si, s] of held.entries()) await reportProgress(db, reader, g.id, { sessionId: s.id, report: REPORTS[(si + applicant.goals.length) % REPORTS.length]!, status: si === 0 ? 'on_track' : applicant.goals.length > 1 ? 'done' : 'blocked' });
      // One goal already reached by the second session, to show the states.
      if (held.length > 1 && applicant.goals.length > 1) {
        const view = await getGroup(db, reader, g.id);
        const mine = view.participants.find((p) => p.id === view.me)!;
        await updateGoal(db, reader, mine.goals[0]!.id, { status: 'achieved' });
      }
    }
    const next = sessions.find((s) => s.startsAt.getTime() > ctx.now.getTime());
    if (gi === 0 && next && ctx.storage) await rescheduleSession(db, { storage: ctx.storage, publicUrl: ctx.publicUrl }, advisor, next.id, { startsAt: new Date(next.startsAt.getTime() + 3_600_000).toISOString() });
  }
}
