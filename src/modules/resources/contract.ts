import { z } from 'zod';
import { bilingual } from '../../platform/http/messages.js';
import { BOOKING_STATUSES, PAID_BY, PRICE_UNITS, RESOURCE_KINDS, WHO_MAY_BOOK } from './domain/kinds.js';

// Shared by the routes and the web client: the API's types are written once, here.
export { BOOKING_STATUSES, PAID_BY, PRICE_UNITS, RESOURCE_KINDS, WHO_MAY_BOOK };
export type { BookingStatus, PaidBy, PriceUnit, ResourceKind, WhoMayBook } from './domain/kinds.js';

export const MAX_PRICE_CENTS = 10_000_000;
export const VAT_RATES_BP = [0, 210, 550, 1000, 2000] as const;
/** The longest period one availability request reads: a month view and its edges. */
export const MAX_AVAILABILITY_DAYS = 42;

const uuid = z.uuid({ error: bilingual({ fr: 'Identifiant invalide.', en: 'Invalid identifier.' }) });
const instant = z.iso.datetime({ offset: true, error: bilingual({ fr: 'Date et heure invalides (ISO 8601).', en: 'Invalid date and time (ISO 8601).' }) });
const isoDate = z.iso.date({ error: bilingual({ fr: 'Date invalide (AAAA-MM-JJ).', en: 'Invalid date (YYYY-MM-DD).' }) });
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: bilingual({ fr: 'Heure invalide (HH:MM).', en: 'Invalid time (HH:MM).' }) });
const cents = z
  .number()
  .int({ error: bilingual({ fr: 'Montant en centimes entiers.', en: 'Amount in whole cents.' }) })
  .min(0, { error: bilingual({ fr: 'Le montant ne peut pas être négatif.', en: 'The amount cannot be negative.' }) })
  .max(MAX_PRICE_CENTS, { error: bilingual({ fr: 'Montant trop élevé.', en: 'Amount too large.' }) });
const vatRate = z
  .number()
  .int()
  .refine((r) => (VAT_RATES_BP as readonly number[]).includes(r), { error: bilingual({ fr: 'Taux de TVA : 0, 2,1, 5,5, 10 ou 20 %.', en: 'VAT rate: 0, 2.1, 5.5, 10 or 20 %.' }) });
const minutes = z.number().int().min(0).max(525_600);
const text = (max: number) => z.string().trim().min(1, { error: bilingual({ fr: 'Obligatoire.', en: 'Required.' }) }).max(max, { error: bilingual({ fr: `${max} caractères au plus.`, en: `${max} characters at most.` }) });
const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

export const idParams = z.object({ id: uuid });
export const kindParams = z.object({ kind: z.enum(RESOURCE_KINDS) });

export const resourceSettingsView = z.object({ hideBookerNames: z.boolean() });
export const updateResourceSettingsBody = z.object({ hideBookerNames: z.boolean() });

export const openingSpan = z
  .object({ weekday: z.number().int().min(1).max(7), opens: hhmm, closes: hhmm })
  .refine((s) => s.opens < s.closes, { error: bilingual({ fr: "L'ouverture précède la fermeture.", en: 'Opening comes before closing.' }), path: ['closes'] });

export const siteBody = z.object({
  name: text(120),
  address: z.string().trim().max(300).nullable().optional(),
  timeZone: z.string().max(64).refine(isTimeZone, { error: bilingual({ fr: 'Fuseau horaire inconnu.', en: 'Unknown time zone.' }) }).default('Europe/Paris'),
  openingHours: z.array(openingSpan).max(21).default([]),
});
export type SiteBody = z.input<typeof siteBody>;
export const site = z.object({ id: z.string(), name: z.string(), address: z.string().nullable(), timeZone: z.string(), openingHours: z.array(z.object({ weekday: z.number(), opens: z.string(), closes: z.string() })) });
export type Site = z.infer<typeof site>;
export const siteList = z.object({ items: z.array(site) });

export const priceRule = z.object({ unit: z.enum(PRICE_UNITS), memberPriceCents: cents, nonMemberPriceCents: cents, vatRateBp: vatRate });
export type PriceRuleView = z.infer<typeof priceRule>;
export const pricesBody = z.object({
  prices: z
    .array(priceRule)
    .max(4)
    .refine((ps) => new Set(ps.map((p) => p.unit)).size === ps.length, { error: bilingual({ fr: 'Un seul prix par unité.', en: 'One price per unit.' }) }),
});

const resourceFields = {
  siteId: uuid,
  kind: z.enum(RESOURCE_KINDS),
  customKindLabel: z.string().trim().min(1).max(60).nullable().optional(),
  name: text(120),
  description: z.string().trim().max(4000).nullable().optional(),
  capacity: z.number().int().min(1).max(1000).default(1),
  depositCents: cents.default(0),
  active: z.boolean().default(true),
};
const customLabelRule = <T extends { kind?: string; customKindLabel?: string | null }>(r: T) => r.kind === undefined || (r.kind === 'custom') === Boolean(r.customKindLabel);
const customLabelError = { error: bilingual({ fr: 'Un type personnalisé a un libellé, et seul lui.', en: 'A custom kind has a label, and only it.' }), path: ['customKindLabel'] };
export const createResourceBody = z.object({ ...resourceFields, prices: pricesBody.shape.prices.default([]) }).refine(customLabelRule, customLabelError);
export type CreateResourceBody = z.input<typeof createResourceBody>;
export const updateResourceBody = z
  .object({ siteId: uuid, kind: z.enum(RESOURCE_KINDS), customKindLabel: resourceFields.customKindLabel, name: text(120), description: resourceFields.description, capacity: z.number().int().min(1).max(1000), depositCents: cents, active: z.boolean() })
  .partial()
  .refine(customLabelRule, customLabelError);

export const resource = z.object({
  id: z.string(),
  siteId: z.string(),
  siteName: z.string(),
  kind: z.enum(RESOURCE_KINDS),
  customKindLabel: z.string().nullable(),
  name: z.string(),
  description: z.string().nullable(),
  capacity: z.number().int(),
  depositCents: z.number().int(),
  active: z.boolean(),
  photoCount: z.number().int(),
  prices: z.array(priceRule),
});
export type Resource = z.infer<typeof resource>;
export const resourceList = z.object({ items: z.array(resource) });
export const resourceListQuery = z.object({ siteId: uuid.optional(), kind: z.enum(RESOURCE_KINDS).optional(), includeInactive: z.enum(['true', 'false']).optional() });

export const bookingRuleBody = z
  .object({
    whoMayBook: z.enum(WHO_MAY_BOOK).default('all_members'),
    whoList: z.array(z.string().trim().min(1).max(60)).max(50).default([]),
    horizonDays: z.number().int().min(0).max(3650).nullable().default(null),
    minMinutes: minutes.nullable().default(null),
    maxMinutes: minutes.min(1).nullable().default(null),
    openingHoursOnly: z.boolean().default(false),
    lateBookingMinutes: minutes.nullable().default(null),
    cancellationDeadlineMinutes: minutes.nullable().default(null),
    cancellationFeeCents: cents.nullable().default(null),
    cancellationFeeBp: z.number().int().min(0).max(10000).nullable().default(null),
    maxConcurrentPerPerson: z.number().int().min(1).max(1000).nullable().default(null),
  })
  .refine((r) => r.minMinutes === null || r.maxMinutes === null || r.minMinutes <= r.maxMinutes, { error: bilingual({ fr: 'La durée minimale dépasse la maximale.', en: 'The minimum length exceeds the maximum.' }), path: ['maxMinutes'] })
  .refine((r) => r.cancellationFeeCents === null || r.cancellationFeeBp === null, { error: bilingual({ fr: 'Des frais fixes ou un pourcentage, pas les deux.', en: 'A fixed fee or a percentage, not both.' }), path: ['cancellationFeeBp'] });
export const bookingRulesBody = z.object({ rules: z.array(bookingRuleBody).max(20) });
export const bookingRule = z.object({
  id: z.string(),
  resourceId: z.string().nullable(),
  kind: z.enum(RESOURCE_KINDS).nullable(),
  position: z.number().int(),
  whoMayBook: z.enum(WHO_MAY_BOOK),
  whoList: z.array(z.string()),
  horizonDays: z.number().int().nullable(),
  minMinutes: z.number().int().nullable(),
  maxMinutes: z.number().int().nullable(),
  openingHoursOnly: z.boolean(),
  lateBookingMinutes: z.number().int().nullable(),
  cancellationDeadlineMinutes: z.number().int().nullable(),
  cancellationFeeCents: z.number().int().nullable(),
  cancellationFeeBp: z.number().int().nullable(),
  maxConcurrentPerPerson: z.number().int().nullable(),
});
export type BookingRuleView = z.infer<typeof bookingRule>;
export const bookingRuleList = z.object({ items: z.array(bookingRule) });

const rangeOk = (r: { startsAt: string; endsAt: string }) => new Date(r.startsAt) < new Date(r.endsAt);
const rangeError = { error: bilingual({ fr: 'La fin doit suivre le début.', en: 'The end must come after the start.' }), path: ['endsAt'] };
export const unavailabilityBody = z.object({ startsAt: instant, endsAt: instant, reason: text(200) }).refine(rangeOk, rangeError);
export const unavailability = z.object({ id: z.string(), resourceId: z.string(), startsAt: z.date(), endsAt: z.date(), reason: z.string() });
export const unavailabilityList = z.object({ items: z.array(unavailability) });

export const availabilityQuery = z
  .object({ from: instant, to: instant, siteId: uuid.optional(), resourceId: uuid.optional() })
  .refine((q) => new Date(q.from) < new Date(q.to), { error: bilingual({ fr: 'La fin doit suivre le début.', en: 'The end must come after the start.' }), path: ['to'] })
  // An autumn daylight-saving day lasts 25 hours: a six-week month grid across it is an hour longer.
  .refine((q) => new Date(q.to).getTime() - new Date(q.from).getTime() <= MAX_AVAILABILITY_DAYS * 86400000 + 3600000, { error: bilingual({ fr: `${MAX_AVAILABILITY_DAYS} jours au plus.`, en: `${MAX_AVAILABILITY_DAYS} days at most.` }), path: ['to'] });
export const busySlot = z.object({
  type: z.enum(['booking', 'unavailable']),
  startsAt: z.date(),
  endsAt: z.date(),
  /** Who booked (null where the coop hides names from members), or the reason of an unavailability. */
  label: z.string().nullable(),
  bookingId: z.string().nullable(),
  mine: z.boolean(),
});
export type BusySlot = z.infer<typeof busySlot>;
export const availability = z.object({
  resources: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      kind: z.enum(RESOURCE_KINDS),
      siteId: z.string(),
      siteName: z.string(),
      timeZone: z.string(),
      /** The site's opening hours: the rows the grid shows. */
      openingHours: z.array(z.object({ weekday: z.number(), opens: z.string(), closes: z.string() })),
      /** The hours the resource's rules accept a booking in (its site's opening hours), or null: any hour, nothing greyed for closing time. */
      bookableHours: z.array(z.object({ weekday: z.number(), opens: z.string(), closes: z.string() })).nullable(),
      busy: z.array(busySlot),
    }),
  ),
});
export type Availability = z.infer<typeof availability>;

const bookerFields = {
  /** Staff only: the member booked for; a member books for themselves. */
  memberId: uuid.optional(),
  /** The member's activity the booking is billed to (one of theirs). */
  activityId: uuid.optional(),
  /** Staff only: a client who is not a member. */
  clientId: uuid.optional(),
  title: z.string().trim().max(200).nullable().optional(),
  note: z.string().trim().max(2000).nullable().optional(),
};
export const bookBody = z.object({ resourceId: uuid, startsAt: instant, endsAt: instant, ...bookerFields }).refine(rangeOk, rangeError);
export type BookBody = z.input<typeof bookBody>;

export const refusal = z.object({ code: z.string(), field: z.string(), message: z.object({ fr: z.string(), en: z.string() }) });
export type RefusalView = z.infer<typeof refusal>;
export const bookingQuote = z.object({ priceCents: z.number().int(), vatRateBp: z.number().int(), unit: z.enum(PRICE_UNITS).nullable(), quantity: z.number().int(), refusal: refusal.nullable() });
export type BookingQuote = z.infer<typeof bookingQuote>;

export const recurringBody = z
  .object({
    resourceId: uuid,
    firstDate: isoDate,
    startTime: hhmm,
    endTime: hhmm,
    weeks: z.number().int().min(1).max(52),
    /** On confirm: book the free occurrences only, or none when one conflicts. */
    mode: z.enum(['free_only', 'all_or_nothing']).default('all_or_nothing'),
    ...bookerFields,
  })
  .refine((r) => r.startTime < r.endTime, { error: bilingual({ fr: 'La fin doit suivre le début.', en: 'The end must come after the start.' }), path: ['endTime'] });
export type RecurringBody = z.input<typeof recurringBody>;
export const recurringPreview = z.object({
  occurrences: z.array(z.object({ date: z.string(), startsAt: z.date(), endsAt: z.date(), free: z.boolean(), refusal: refusal.nullable() })),
});
export type RecurringPreview = z.infer<typeof recurringPreview>;

export const booking = z.object({
  id: z.string(),
  resourceId: z.string(),
  resourceName: z.string(),
  startsAt: z.date(),
  endsAt: z.date(),
  status: z.enum(BOOKING_STATUSES),
  memberId: z.string().nullable(),
  activityId: z.string().nullable(),
  clientId: z.string().nullable(),
  bookerName: z.string().nullable(),
  title: z.string().nullable(),
  recurrenceId: z.string().nullable(),
  priceCents: z.number().int(),
  vatRateBp: z.number().int(),
  paidBy: z.enum(PAID_BY),
  billableCents: z.number().int(),
  cancellationFeeCents: z.number().int(),
  cancelledAt: z.date().nullable(),
});
export type Booking = z.infer<typeof booking>;
export const bookingList = z.object({ items: z.array(booking) });
export const recurringResult = z.object({ recurrenceId: z.string(), booked: z.array(booking), skipped: z.array(z.string()) });
export const myBookingsQuery = z.object({ from: instant.optional(), includePast: z.enum(['true', 'false']).optional() });
export const bookingsQuery = z
  .object({ from: instant, to: instant, resourceId: uuid.optional(), memberId: uuid.optional() })
  .refine((q) => new Date(q.from) < new Date(q.to), { error: bilingual({ fr: 'La fin doit suivre le début.', en: 'The end must come after the start.' }), path: ['to'] });

// The operations' schemas (feeds, check-ins, handovers, occupancy), for the web client through this one contract.
export * from './ops-contract.js';

// Wall-clock time in a site's zone: the web reads and books times as the server judges them
// (a 09:00 Paris booking stays 09:00 whatever zone the browser is set to).
export { addDays as addLocalDays, fromLocal, minutesOf, toLocal, weekdayOf } from './domain/zoned-time.js';
// The catalogue's photos.
export * from './photo-contract.js';
// The waiting list's schemas (join, my waits, a resource's waits).
export * from './waitlist-contract.js';
