import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';
import { addDays, todayInFrance } from '../platform/calendar/index.js';
import type { Db } from '../platform/db/client.js';
import type { FileStorage } from '../platform/files/storage.js';
import type { Actor } from '../platform/http/context.js';
import { createEvent, markAttendance, proposeTheme, registerForEvent, voteForTheme } from '../modules/events/index.js';

dayjs.extend(utc);
dayjs.extend(timezone);

const at = (day: string, time: string) => dayjs.tz(`${day} ${time}`, 'Europe/Paris').toDate();
const HOUR = 3_600_000;
const PLACE = 'Salle commune, 2e étage — 12 rue de la Coopération, Lyon';

/** Themes of the weekly co-lunch, oldest first: a member shares know-how with the others over lunch. */
const COLUNCHES: { theme: string; host: string }[] = [
  { theme: 'Facturer quand on est entrepreneur-salarié', host: 'nathalie.roux' },
  { theme: 'Photographier son travail avec un téléphone', host: 'camille.martin' },
  { theme: 'Répondre à un appel d’offres à plusieurs', host: 'julien.fournier' },
  { theme: 'Gérer son temps entre clients et prospection', host: 'sarah.girard' },
  { theme: 'Négocier son TJM', host: 'etienne.lefevre' },
  { theme: 'Bien utiliser LinkedIn', host: 'sarah.girard' },
  { theme: 'Se payer un salaire en CAE : comment ça marche', host: 'hugo.petit' },
  { theme: 'Prospecter sans se brûler', host: 'ines.moreau' },
];

/**
 * The demo's community life: the weekly co-lunch every Thursday at 12:30 (four past ones with
 * their attendance, four to come), a workshop whose places are taken (Camille is third on its
 * waiting list), an open day, and themes members proposed and voted for. Registrations mail
 * their .ics through the file storage: without one (a bare seed) the events come without them.
 */
export async function seedDemoEvents(ctx: { db: Db; storage?: FileStorage; now: Date; advisor: Actor; memberActor: (email: string) => Actor; memberIds: Map<string, string> }): Promise<void> {
  const { db, now, advisor } = ctx;
  const storage = ctx.storage;
  const email = (local: string) => `${local}@demo.mutualise.coop`;
  const id = (local: string) => ctx.memberIds.get(email(local))!;
  const everyone = [...ctx.memberIds.keys()].map((e) => e.split('@')[0]!);
  const today = todayInFrance(now);
  // The Thursday of this week (Monday first), in Paris.
  const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7;
  const thisThursday = addDays(today, 3 - weekday);
  // Four lunches behind and four ahead: this week's counts as behind once it has started, since
  // registrations close at the start (the next lunch shown is always one a member can join).
  const firstThursday = addDays(thisThursday, now >= at(thisThursday, '12:30') ? -3 * 7 : -4 * 7);

  for (const [i, c] of COLUNCHES.entries()) {
    const day = addDays(firstThursday, 7 * i);
    const startsAt = at(day, '12:30');
    const event = await createEvent(db, advisor, {
      kind: 'colunch',
      title: `Colunch : ${c.theme}`,
      theme: c.theme,
      description: 'Chacun apporte son déjeuner ; le café est offert par la coopérative. 20 minutes de partage, puis questions et échanges.',
      hostMemberId: id(c.host),
      startsAt,
      endsAt: new Date(startsAt.getTime() + 1.5 * HOUR),
      place: PLACE,
      capacity: 12,
    });
    const past = startsAt < now;
    // Past lunches: six to eight people came; coming ones: a few already registered.
    const guests = everyone.filter((m) => m !== c.host).slice(i % 3, past ? (i % 3) + 7 : (i % 3) + 3);
    for (const [k, m] of storage ? guests.entries() : []) {
      const reg = await registerForEvent(db, storage!, past ? advisor : ctx.memberActor(email(m)), event.id, past ? { memberId: id(m) } : {}, past ? new Date(startsAt.getTime() - 2 * 24 * HOUR) : now);
      if (past) await markAttendance(db, advisor, event.id, reg.id, k % 5 !== 4, startsAt);
    }
  }

  const workshopDay = addDays(today, 9);
  const workshop = await createEvent(db, advisor, {
    kind: 'workshop',
    title: 'Atelier : la facture électronique en 2026',
    theme: 'Factur-X, plateformes agréées, ce qui change pour vos clients',
    description: 'Deux heures pour comprendre la réforme et préparer vos factures. Apportez un exemple de facture.',
    hostName: 'Sophie Bernard (cabinet Alpha Compta)',
    startsAt: at(workshopDay, '09:30'),
    endsAt: at(workshopDay, '11:30'),
    registrationDeadline: at(addDays(workshopDay, -1), '18:00'),
    place: 'Salle de formation',
    capacity: 4,
  });
  for (const m of storage ? ['etienne.lefevre', 'ines.moreau', 'lucas.bernard', 'chloe.dubois', 'hugo.petit', 'nathalie.roux', 'camille.martin'] : []) {
    await registerForEvent(db, storage!, ctx.memberActor(email(m)), workshop.id, {}, now);
  }

  const openDay = addDays(today, 16);
  const open = await createEvent(db, advisor, {
    kind: 'open_day',
    title: 'Journée portes ouvertes de la coopérative',
    description: 'Venez découvrir la coopérative, ses membres et leurs métiers. Présentation du statut d’entrepreneur-salarié à 11 h et 15 h.',
    startsAt: at(openDay, '10:00'),
    endsAt: at(openDay, '17:00'),
    place: PLACE,
  });
  if (storage) {
    await registerForEvent(db, storage, advisor, open.id, { guest: { name: 'Amélie Rousseau', email: 'amelie.rousseau@example.org' } }, now);
    await registerForEvent(db, storage, ctx.memberActor(email('thomas.bonnet')), open.id, {}, now);
  }

  await createEvent(db, advisor, {
    kind: 'meetup',
    title: 'Apéro des membres',
    description: 'Le premier vendredi du mois, pour se rencontrer entre métiers.',
    startsAt: at(addDays(today, 22), '18:30'),
    endsAt: at(addDays(today, 22), '20:30'),
    place: 'Terrasse de la coopérative',
    capacity: 40,
  });

  const proposals: { title: string; by: string; wouldHost: boolean; voters: string[] }[] = [
    { title: 'Comprendre sa fiche de paie d’entrepreneur-salarié', by: 'lucas.bernard', wouldHost: false, voters: ['camille.martin', 'ines.moreau', 'chloe.dubois', 'hugo.petit', 'thomas.bonnet'] },
    { title: 'Écrire un devis qui se signe', by: 'julien.fournier', wouldHost: true, voters: ['camille.martin', 'lea.mercier', 'maxime.lambert'] },
    { title: 'L’intelligence artificielle au quotidien de l’indépendant', by: 'maxime.lambert', wouldHost: true, voters: ['sarah.girard', 'thomas.bonnet', 'etienne.lefevre'] },
    { title: 'Assurances pro : ce qui est couvert par la coopérative', by: 'chloe.dubois', wouldHost: false, voters: ['nathalie.roux'] },
  ];
  for (const p of proposals) {
    const { id: proposalId } = await proposeTheme(db, ctx.memberActor(email(p.by)), { title: p.title, wouldHost: p.wouldHost });
    for (const v of p.voters) await voteForTheme(db, ctx.memberActor(email(v)), proposalId);
  }
}
