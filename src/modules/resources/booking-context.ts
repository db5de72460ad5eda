import { and, count, eq, gt, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { invalidField, type LocalizedText } from '../../platform/errors.js';
import { isStaff, type Actor } from '../../platform/http/context.js';
import { activityIdsOfMember } from '../activities/index.js';
import { clientNames } from '../clients/index.js';
import { memberIdOfUser, memberNames, membershipTypeOfUser } from '../members/index.js';
import type { BookingCharges } from './booking-charges.js';
import type { Booking } from './contract.js';
import { evaluateBookingRules, type Refusal } from './domain/evaluate-booking-rules.js';
import type { OpeningHours } from './domain/opening-hours.js';
import { priceBooking, type BookingPrice } from './domain/price-booking.js';
import { toLocal } from './domain/zoned-time.js';
import { refusalText, resourcesErrors } from './errors.js';
import { rulesOfResource } from './set-booking-rules.js';
import { resourceBookings, resourcePriceRules, resources, resourceSites, resourceUnavailabilities, type ResourceKind } from './schema.js';
import { getResourceSettings } from './resource-settings.js';

/** Who a booking is for, resolved from the actor and the request. */
export interface Booker {
  memberId: string | null;
  activityId: string | null;
  clientId: string | null;
  byStaff: boolean;
  membershipType: string | null;
}

/**
 * A member books for themselves, on one of the activities they hold (the activities' scope
 * rule: another member's activity is not theirs to bill); with one activity only, it is taken.
 * The team books for any member on that member's activity, or for a client who is not a member.
 */
export async function resolveBooker(db: Executor, actor: Actor, body: { memberId?: string; activityId?: string; clientId?: string }): Promise<Booker> {
  if (isStaff(actor)) {
    if (body.clientId) {
      if (body.memberId || body.activityId) throw invalidField('clientId', { fr: 'Un client, ou un membre et son activité : pas les deux.', en: 'A client, or a member and their activity: not both.' });
      const names = await clientNames(db, actor.coopId, [body.clientId]);
      if (!names.has(body.clientId)) throw resourcesErrors.CLIENT_NOT_FOUND([{ path: 'clientId', message: { fr: 'Client introuvable.', en: 'Client not found.' } }]);
      return { memberId: null, activityId: null, clientId: body.clientId, byStaff: true, membershipType: null };
    }
    const memberId = body.memberId ?? (await memberIdOfUser(db, actor.coopId, actor.userId));
    if (!memberId) throw resourcesErrors.BOOKER_REQUIRED([{ path: 'memberId', message: { fr: 'Choisissez un membre ou un client.', en: 'Choose a member or a client.' } }]);
    const held = await activityIdsOfMember(db, actor.coopId, memberId);
    const activityId = body.activityId ?? (held.length === 1 ? held[0]! : null);
    if (!activityId) throw invalidField('activityId', { fr: "Choisissez l'activité à facturer.", en: 'Choose the activity to bill.' });
    if (!held.includes(activityId)) throw resourcesErrors.ACTIVITY_NOT_OF_MEMBER([{ path: 'activityId', message: { fr: "Cette activité n'appartient pas à ce membre.", en: 'This activity does not belong to this member.' } }]);
    return { memberId, activityId, clientId: null, byStaff: true, membershipType: null };
  }
  const self = await memberIdOfUser(db, actor.coopId, actor.userId);
  if (!self) throw resourcesErrors.NOT_A_MEMBER();
  if (body.clientId || (body.memberId && body.memberId !== self)) throw resourcesErrors.STAFF_ONLY_BOOKER();
  const held = await activityIdsOfMember(db, actor.coopId, self);
  const activityId = body.activityId ?? (held.length === 1 ? held[0]! : null);
  if (!activityId) throw invalidField('activityId', { fr: "Choisissez l'activité à facturer.", en: 'Choose the activity to bill.' });
  if (!held.includes(activityId)) throw resourcesErrors.ACTIVITY_NOT_YOURS([{ path: 'activityId', message: { fr: "Cette activité n'est pas la vôtre.", en: 'This activity is not yours.' } }]);
  return { memberId: self, activityId, clientId: null, byStaff: false, membershipType: await membershipTypeOfUser(db, actor.coopId, actor.userId) };
}

export interface ResourceForBooking {
  id: string;
  name: string;
  kind: ResourceKind;
  active: boolean;
  timeZone: string;
  openingHours: OpeningHours;
}

/** The resource with its site; `lock` takes its row so bookings of it are decided one at a time. */
export async function resourceForBooking(db: Executor, coopId: string, id: string, lock: boolean): Promise<ResourceForBooking> {
  const q = db
    .select({ id: resources.id, name: resources.name, kind: resources.kind, active: resources.active, timeZone: resourceSites.timeZone, openingHours: resourceSites.openingHours })
    .from(resources)
    .innerJoin(resourceSites, and(eq(resourceSites.coopId, resources.coopId), eq(resourceSites.id, resources.siteId)))
    .where(and(eq(resources.coopId, coopId), eq(resources.id, id)));
  const [row] = lock ? await q.for('update', { of: resources }) : await q;
  if (!row) throw resourcesErrors.RESOURCE_NOT_FOUND([{ path: 'resourceId', message: { fr: 'Ressource introuvable.', en: 'Resource not found.' } }]);
  if (!row.active) throw resourcesErrors.RESOURCE_INACTIVE([{ path: 'resourceId', message: { fr: "Cette ressource n'est plus réservable.", en: 'This resource can no longer be booked.' } }]);
  return row;
}

/** "Salle Confluence, 2027-02-03 09:00–11:00" in the site's zone: how a slot is named in messages. */
export function slotLabel(resource: { name: string; timeZone: string }, startsAt: Date, endsAt: Date): string {
  const s = toLocal(startsAt, resource.timeZone);
  const e = toLocal(endsAt, resource.timeZone);
  return `${resource.name}, ${s.date} ${s.time}–${e.date === s.date ? '' : `${e.date} `}${e.time}`;
}

export type SlotVerdict = { ok: true; price: BookingPrice } | { ok: false; code: string; field: string; text: LocalizedText; price: BookingPrice; kind: 'rule' | 'unavailable' | 'taken' | 'past' };

/**
 * Everything that decides whether a slot may be booked, short of the insert: the rules in
 * order, an unavailability over it, a live booking over it. Inside the booking's transaction,
 * under the resource row lock, this is the check that counts; the no-overlap constraint is
 * the last word either way.
 */
export async function judgeSlot(db: Executor, charges: BookingCharges, coopId: string, resource: ResourceForBooking, booker: Booker, slot: { startsAt: Date; endsAt: Date }, now: Date): Promise<SlotVerdict> {
  const prices = await db.select().from(resourcePriceRules).where(and(eq(resourcePriceRules.coopId, coopId), eq(resourcePriceRules.resourceId, resource.id)));
  const price = priceBooking(prices, (slot.endsAt.getTime() - slot.startsAt.getTime()) / 60000, booker.memberId !== null);
  const label = slotLabel(resource, slot.startsAt, slot.endsAt);
  if (slot.startsAt.getTime() < now.getTime()) return { ok: false, code: 'IN_THE_PAST', field: 'startsAt', text: { fr: 'Ce créneau est déjà passé.', en: 'This slot is in the past.' }, price, kind: 'past' };
  const rules = await rulesOfResource(db, coopId, resource);
  let upcoming = 0;
  if (rules.some((r) => r.maxConcurrentPerPerson !== null)) {
    const [row] = await db
      .select({ n: count() })
      .from(resourceBookings)
      .innerJoin(resources, and(eq(resources.coopId, resourceBookings.coopId), eq(resources.id, resourceBookings.resourceId)))
      .where(
        and(
          eq(resourceBookings.coopId, coopId),
          booker.memberId ? eq(resourceBookings.memberId, booker.memberId) : eq(resourceBookings.clientId, booker.clientId!),
          eq(resources.kind, resource.kind),
          eq(resourceBookings.status, 'confirmed'),
          gt(resourceBookings.endsAt, now),
        ),
      );
    upcoming = Number(row?.n ?? 0);
  }
  const planIds = booker.memberId && charges.planIdsOf ? await charges.planIdsOf(db, { coopId, memberId: booker.memberId, at: slot.startsAt }) : [];
  const refusal: Refusal | null = evaluateBookingRules(
    rules,
    { startsAt: slot.startsAt, endsAt: slot.endsAt, byStaff: booker.byStaff, membershipType: booker.membershipType, planIds, upcomingBookings: upcoming },
    { openingHours: resource.openingHours, timeZone: resource.timeZone },
    now,
  );
  if (refusal) return { ok: false, code: refusal.code, field: refusal.field, text: refusalText(refusal), price, kind: 'rule' };
  const range = sql`tstzrange(${slot.startsAt.toISOString()}::timestamptz, ${slot.endsAt.toISOString()}::timestamptz, '[)')`;
  const [off] = await db
    .select({ reason: resourceUnavailabilities.reason })
    .from(resourceUnavailabilities)
    .where(and(eq(resourceUnavailabilities.coopId, coopId), eq(resourceUnavailabilities.resourceId, resource.id), sql`${resourceUnavailabilities.during} && ${range}`))
    .limit(1);
  if (off) return { ok: false, code: 'RESOURCE_UNAVAILABLE', field: 'startsAt', text: { fr: `Ressource indisponible (${off.reason}) : ${label}.`, en: `Resource unavailable (${off.reason}): ${label}.` }, price, kind: 'unavailable' };
  const [taken] = await db
    .select({ id: resourceBookings.id })
    .from(resourceBookings)
    .where(and(eq(resourceBookings.coopId, coopId), eq(resourceBookings.resourceId, resource.id), ne(resourceBookings.status, 'cancelled'), sql`${resourceBookings.during} && ${range}`))
    .limit(1);
  if (taken) return { ok: false, code: 'SLOT_TAKEN', field: 'startsAt', text: { fr: `Créneau déjà réservé : ${label}.`, en: `Slot already booked: ${label}.` }, price, kind: 'taken' };
  return { ok: true, price };
}

type BookingRow = typeof resourceBookings.$inferSelect;

/**
 * Bookings as the viewer may read them. Where the coop hides booker names, a member reads
 * no name but their own: the name is not sent, not merely not shown.
 */
export async function bookingViews(db: Executor, actor: Actor, rows: (BookingRow & { resourceName: string })[]): Promise<Booking[]> {
  if (rows.length === 0) return [];
  const staff = isStaff(actor) || actor.roles.includes('accountant');
  const hide = !staff && (await getResourceSettings(db, actor.coopId)).hideBookerNames;
  const self = staff ? null : await memberIdOfUser(db, actor.coopId, actor.userId);
  const [mNames, cNames] = await Promise.all([
    memberNames(db, actor.coopId, [...new Set(rows.flatMap((r) => (r.memberId ? [r.memberId] : [])))]),
    staff ? clientNames(db, actor.coopId, [...new Set(rows.flatMap((r) => (r.clientId ? [r.clientId] : [])))]) : Promise.resolve(new Map<string, string>()),
  ]);
  return rows.map((r) => {
    const mine = r.memberId !== null && r.memberId === self;
    const visible = staff || mine || !hide;
    return {
      id: r.id,
      resourceId: r.resourceId,
      resourceName: r.resourceName,
      startsAt: r.startsAt,
      endsAt: r.endsAt,
      status: r.status,
      memberId: visible ? r.memberId : null,
      activityId: staff || mine ? r.activityId : null,
      clientId: staff ? r.clientId : null,
      bookerName: !visible ? null : r.memberId ? (mNames.get(r.memberId) ?? null) : r.clientId ? (cNames.get(r.clientId) ?? null) : null,
      title: staff || mine ? r.title : null,
      recurrenceId: r.recurrenceId,
      priceCents: staff || mine ? r.priceCents : 0,
      vatRateBp: r.vatRateBp,
      paidBy: r.paidBy,
      billableCents: staff || mine ? r.billableCents : 0,
      cancellationFeeCents: staff || mine ? r.cancellationFeeCents : 0,
      cancelledAt: r.cancelledAt,
    };
  });
}
