import type { Db } from '../platform/db/client.js';
import type { Actor } from '../platform/http/context.js';
import { userIdsOfMembers } from '../modules/members/index.js';
import { addLocalDays as addDays, addUnavailability, bookResource, createResource, createSite, fromLocal, joinWaitlist, payPerUse, setBookingRules, toLocal, weekdayOf } from '../modules/resources/index.js';

const TZ = 'Europe/Paris';
const WEEKDAYS = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '08:30', closes: '19:00' }));

/**
 * The coop's premises in Lyon: 6 hot desks, 2 dedicated desks, the Confluence meeting room,
 * a van and a projector, with member prices and rules, the van's service next week, and a few
 * bookings in the coming working days (members booked by the advisor, as at the front desk).
 */
export async function seedDemoResources(ctx: { db: Db; advisor: Actor; now: Date; memberIds: Map<string, string>; activityIds: Map<string, string> }): Promise<void> {
  const { db, advisor, now, memberIds, activityIds } = ctx;
  const site = await createSite(db, advisor, { name: 'Locaux de la coop — Lyon', address: '12 rue Smith, 69002 Lyon', timeZone: TZ, openingHours: WEEKDAYS });
  const price = (unit: 'hour' | 'half_day' | 'day' | 'month', member: number, nonMember: number) => ({ unit, memberPriceCents: member, nonMemberPriceCents: nonMember, vatRateBp: 2000 });
  const desks: string[] = [];
  for (let i = 1; i <= 6; i++) {
    const desk = await createResource(db, advisor, {
      siteId: site.id,
      kind: 'hot_desk',
      name: `Poste nomade ${i}`,
      description: 'Poste en open space, écran 24 pouces, wifi fibre, café compris.',
      prices: [price('half_day', 900, 1500), price('day', 1500, 2500)],
    });
    desks.push(desk.id);
  }
  for (const name of ['Bureau fixe Fourvière', 'Bureau fixe Croix-Rousse']) {
    await createResource(db, advisor, { siteId: site.id, kind: 'dedicated_desk', name, description: 'Bureau attitré avec caisson fermant à clé.', prices: [price('month', 22000, 29000)] });
  }
  const room = await createResource(db, advisor, {
    siteId: site.id,
    kind: 'meeting_room',
    name: 'Salle Confluence',
    capacity: 10,
    description: 'Salle de réunion de 10 places, écran 65 pouces, tableau blanc, visioconférence.',
    prices: [price('hour', 1500, 3000), price('half_day', 4500, 9000), price('day', 8000, 15000)],
  });
  const van = await createResource(db, advisor, {
    siteId: site.id,
    kind: 'van',
    name: 'Kangoo utilitaire',
    description: 'Renault Kangoo Van, 3,3 m³, permis B. Caution restituée au retour.',
    depositCents: 50000,
    prices: [price('half_day', 3000, 5000), price('day', 5000, 8000)],
  });
  await createResource(db, advisor, { siteId: site.id, kind: 'equipment', name: 'Vidéoprojecteur', description: 'Vidéoprojecteur Full HD avec câble HDMI et télécommande.', prices: [price('day', 1000, 2000)] });

  await setBookingRules(db, advisor, { kind: 'meeting_room' }, [
    { whoMayBook: 'all_members', whoList: [], horizonDays: 90, minMinutes: 30, maxMinutes: 600, openingHoursOnly: true, lateBookingMinutes: null, cancellationDeadlineMinutes: 1440, cancellationFeeCents: null, cancellationFeeBp: 5000, maxConcurrentPerPerson: 4 },
  ]);
  await setBookingRules(db, advisor, { kind: 'hot_desk' }, [
    { whoMayBook: 'all_members', whoList: [], horizonDays: 30, minMinutes: 240, maxMinutes: null, openingHoursOnly: true, lateBookingMinutes: null, cancellationDeadlineMinutes: 120, cancellationFeeCents: 500, cancellationFeeBp: null, maxConcurrentPerPerson: 10 },
  ]);
  await setBookingRules(db, advisor, { kind: 'van' }, [
    { whoMayBook: 'all_members', whoList: [], horizonDays: 60, minMinutes: 240, maxMinutes: 4320, openingHoursOnly: false, lateBookingMinutes: 60, cancellationDeadlineMinutes: 2880, cancellationFeeCents: 2500, cancellationFeeBp: null, maxConcurrentPerPerson: 2 },
  ]);

  // The next five working days after today, in Paris.
  const days: string[] = [];
  for (let d = addDays(toLocal(now, TZ).date, 1); days.length < 5; d = addDays(d, 1)) if (weekdayOf(d) <= 5) days.push(d);
  const at = (date: string, time: string) => fromLocal(date, time, TZ).toISOString();

  await addUnavailability(db, advisor, van.id, { startsAt: at(days[2]!, '08:00'), endsAt: at(days[2]!, '18:00'), reason: 'Révision au garage' });

  const book = async (email: string, code: string, resourceId: string, date: string, from: string, to: string, title?: string) =>
    bookResource(db, payPerUse, advisor, { resourceId, startsAt: at(date, from), endsAt: at(date, to), memberId: memberIds.get(email)!, activityId: activityIds.get(code)!, title }, now);
  await book('camille.martin@demo.mutualise.coop', 'CAMILLE-GRAPHISME', room.id, days[0]!, '10:00', '12:00', 'Présentation charte graphique');
  await book('camille.martin@demo.mutualise.coop', 'CAMILLE-GRAPHISME', desks[0]!, days[1]!, '09:00', '18:00');
  await book('ines.moreau@demo.mutualise.coop', 'INES-DEV', desks[1]!, days[0]!, '09:00', '18:00');
  await book('ines.moreau@demo.mutualise.coop', 'INES-DEV', room.id, days[1]!, '14:00', '16:00', 'Atelier accessibilité');
  await book('chloe.dubois@demo.mutualise.coop', 'CHLOE-TRAD', desks[2]!, days[0]!, '09:00', '13:00');
  await book('lucas.bernard@demo.mutualise.coop', 'LUCAS-PHOTO', van.id, days[3]!, '08:30', '18:30', 'Reportage mariage — matériel');

  // Camille waits for the first hour of Inès's workshop in the room: cancelling it tells her.
  const camille = memberIds.get('camille.martin@demo.mutualise.coop')!;
  const camilleUser = (await userIdsOfMembers(db, advisor.coopId, [camille])).get(camille);
  if (camilleUser) {
    const asCamille: Actor = { ...advisor, userId: camilleUser, roles: ['member'] };
    await joinWaitlist(db, payPerUse, asCamille, { resourceId: room.id, startsAt: at(days[1]!, '14:00'), endsAt: at(days[1]!, '15:00'), activityId: activityIds.get('CAMILLE-GRAPHISME')! }, now);
  }
}
