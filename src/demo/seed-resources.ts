import { deflateSync } from 'node:zlib';
import type { Db } from '../platform/db/client.js';
import type { FileStorage } from '../platform/files/storage.js';
import type { Actor } from '../platform/http/context.js';
import { userIdsOfMembers } from '../modules/members/index.js';
import {
  addHandoverPhoto,
  addLocalDays as addDays,
  addUnavailability,
  bookResource,
  checkIn,
  createResource,
  createSite,
  fromLocal,
  joinWaitlist,
  markNoShows,
  payPerUse,
  recordHandover,
  setBookingRules,
  toLocal,
  weekdayOf,
} from '../modules/resources/index.js';

const TZ = 'Europe/Paris';
const WEEKDAYS = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '08:30', closes: '19:00' }));

/**
 * The coop's premises in Lyon: 6 hot desks, 2 dedicated desks, the Confluence meeting room,
 * a van and a projector, with member prices and rules, the van's service next week, and a few
 * bookings in the coming working days (members booked by the advisor, as at the front desk).
 */
export async function seedDemoResources(ctx: { db: Db; advisor: Actor; now: Date; memberIds: Map<string, string>; activityIds: Map<string, string>; storage: FileStorage | null }): Promise<void> {
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

  await seedPastWeeks({ ...ctx, desks, roomId: room.id, vanId: van.id });
}

/**
 * The last three weeks of the premises, so the occupancy page and the van's handovers have a
 * past to show: members who hold no plan (so paying per use is what the plans' port would also
 * decide) booked desks the day before, checked in at the door, one did not come (marked a
 * no-show), the room hosted a training and a steering committee, and the van went out twice,
 * checked out and back in with its mileage and state. Every step is the real operation at its
 * own past `now`. The room's past stays in the previous month: the running month's room figures
 * are the coming bookings' alone (the occupancy journey reads them). Bookings of last month are
 * billed by the plans seed in the full demo, like any pay-per-use booking.
 */
async function seedPastWeeks(ctx: { db: Db; advisor: Actor; now: Date; memberIds: Map<string, string>; activityIds: Map<string, string>; storage: FileStorage | null; desks: string[]; roomId: string; vanId: string }) {
  const { db, advisor, now, memberIds, activityIds } = ctx;
  const today = toLocal(now, TZ).date;
  const at = (date: string, time: string) => fromLocal(date, time, TZ);
  const past: string[] = [];
  for (let d = addDays(today, -21); d < today; d = addDays(d, 1)) if (weekdayOf(d) <= 5) past.push(d);
  const inLastMonth = (d: string) => d.slice(0, 7) < today.slice(0, 7);

  const people = {
    sarah: { email: 'sarah.girard@demo.mutualise.coop', code: 'GIRARD-MKT' },
    julien: { email: 'julien.fournier@demo.mutualise.coop', code: 'JF-PROJETS' },
    nathalie: { email: 'nathalie.roux@demo.mutualise.coop', code: 'NR-CONSEIL' },
    hugo: { email: 'hugo.petit@demo.mutualise.coop', code: 'HUGO-FORMATION' },
    etienne: { email: 'etienne.lefevre@demo.mutualise.coop', code: 'BOIS-LUMIERE' },
    lucas: { email: 'lucas.bernard@demo.mutualise.coop', code: 'LUCAS-PHOTO' },
  };
  type Who = keyof typeof people;
  const ids = [...Object.values(people)].map((p) => memberIds.get(p.email)).filter((id): id is string => Boolean(id));
  const users = await userIdsOfMembers(db, advisor.coopId, ids);
  const asMember = (who: Who): Actor => ({ ...advisor, userId: users.get(memberIds.get(people[who].email)!)!, roles: ['member'] });
  const book = async (who: Who, resourceId: string, date: string, from: string, to: string, bookedAt: Date, title?: string) =>
    (await bookResource(db, payPerUse, advisor, { resourceId, startsAt: at(date, from).toISOString(), endsAt: at(date, to).toISOString(), memberId: memberIds.get(people[who].email)!, activityId: activityIds.get(people[who].code)!, title }, bookedAt)).id;
  const dayBefore = (date: string) => at(addDays(date, -1), '18:30');

  // Desks (the regulars sit at nomade 1, 3 and 6: the journeys read every booking of nomade 4
  // and 5, and the coming weeks of nomade 2, as theirs alone):
  // Sarah on Tuesdays and Thursdays, Julien on Monday and Wednesday mornings, Hugo on Thursdays,
  // Nathalie on Fridays. Each checks in at the door a few minutes after nine; today counts once
  // nine o'clock is past.
  const deskDays = toLocal(now, TZ).minutes >= 9 * 60 + 12 && weekdayOf(today) <= 5 ? [...past, today] : past;
  const deskBookings: { id: string; who: Who; date: string }[] = [];
  const deskDay = async (who: Who, deskId: string, date: string, from: string, to: string) => deskBookings.push({ id: await book(who, deskId, date, from, to, dayBefore(date)), who, date });
  for (const date of deskDays) {
    const weekday = weekdayOf(date);
    if (weekday === 2 || weekday === 4) await deskDay('sarah', ctx.desks[5]!, date, '09:00', '18:00');
    if (weekday === 1 || weekday === 3) await deskDay('julien', ctx.desks[2]!, date, '09:00', '13:00');
    if (weekday === 4) await deskDay('hugo', ctx.desks[0]!, date, '09:00', '18:00');
    if (weekday === 5) await deskDay('nathalie', ctx.desks[5]!, date, '09:00', '18:00');
  }
  // Julien's last morning before today: he did not come.
  const missed = deskBookings.filter((b) => b.who === 'julien' && b.date > addDays(today, -7) && b.date < today).pop();
  for (const b of deskBookings) {
    if (b === missed) continue;
    await checkIn(db, asMember(b.who), b.id, at(b.date, '09:12'));
  }
  // Marked as the occupancy page's button does (two hours after the start): only the missed one is left unchecked.
  await markNoShows(db, advisor, 120, now);

  // The room, last month only: Hugo's training morning and Nathalie's steering committee.
  const roomDays = past.filter(inLastMonth);
  if (roomDays.length > 0) {
    const first = roomDays[0]!;
    await book('hugo', ctx.roomId, first, '09:00', '12:00', at(addDays(first, -8), '11:00'), 'Formation rénovation énergétique — artisans');
    const later = roomDays[Math.min(roomDays.length - 1, 3)]!;
    if (later !== first) await book('nathalie', ctx.roomId, later, '14:00', '16:00', at(addDays(later, -5), '10:00'), 'Comité de pilotage Transports Rhône-Alpes Express');
  }

  // The van: Étienne for a site delivery about three weeks ago, Lucas (who joined 12 days ago)
  // for a reportage in Annecy in the last few days; the mileage follows on from one to the other.
  const etienneDay = past.find((d) => d <= addDays(today, -14));
  // Lucas's trip falls within the week « Mes réservations du moment » looks back on.
  const lucasDay = past.filter((d) => d >= addDays(today, -6)).pop();
  const vanTrip = async (who: Who, date: string, title: string, out: { km: number; fuel: number; notes: string }, back: { km: number; fuel: number; notes: string }) => {
    const id = await book(who, ctx.vanId, date, '08:00', '18:30', at(addDays(date, -3), '17:00'), title);
    const member = asMember(who);
    await recordHandover(db, member, id, { direction: 'out', mileageKm: out.km, fuelPercent: out.fuel, notes: out.notes }, at(date, '08:10'));
    await recordHandover(db, member, id, { direction: 'in', mileageKm: back.km, fuelPercent: back.fuel, notes: back.notes }, at(date, '18:20'));
    return id;
  };
  if (etienneDay) {
    await vanTrip('etienne', etienneDay, 'Livraison d’un agencement — Villeurbanne', { km: 47_412, fuel: 80, notes: 'RAS, véhicule propre' }, { km: 47_489, fuel: 70, notes: 'Sciure dans le coffre, balayé au retour' });
  }
  if (lucasDay) {
    const id = await vanTrip(
      'lucas',
      lucasDay,
      'Reportage séminaire — Annecy',
      { km: 47_489, fuel: 70, notes: 'Plein fait avant le départ' },
      { km: 47_797, fuel: 35, notes: 'Rayure sur la portière arrière droite (parking de l’hôtel), photo jointe' },
    );
    // The photo of the scratch goes through the platform storage; the journeys' bare seed has none.
    if (ctx.storage) await addHandoverPhoto(db, ctx.storage, asMember('lucas'), id, 'in', { fileName: 'rayure-portiere.png', bytes: scratchPng() });
  }
}

/** A van's white door panel with a dark scratch across it, drawn in code: the demo ships no images. */
function scratchPng(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const width = 160;
  const height = 120;
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.writeUInt8(8, 8); // bit depth
  ihdr.writeUInt8(2, 9); // RGB
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) {
      // A door seam and handle, and a scratch running down from left to right.
      const seam = x === 112 || x === 113;
      const handle = x > 122 && x < 146 && y > 52 && y < 60;
      const scratch = Math.abs(y - (30 + x * 0.45)) < 1.2 && x > 20 && x < 130;
      const shade = 236 - Math.round(y / 12);
      const [r, g, b] = scratch ? [92, 88, 84] : seam ? [150, 150, 155] : handle ? [60, 60, 64] : [shade, shade, shade + 4];
      row.set([r, g, b], 1 + x * 3);
    }
    rows.push(row);
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}
