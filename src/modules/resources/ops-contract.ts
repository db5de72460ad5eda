import { z } from 'zod';
import { bilingual } from '../../platform/http/messages.js';

// Shared by the operations routes and the web client: feeds, check-ins, handovers, waiting
// list and occupancy. The API's types are written once, here.

const uuid = z.uuid({ error: bilingual({ fr: 'Identifiant invalide.', en: 'Invalid identifier.' }) });
const instant = z.iso.datetime({ offset: true, error: bilingual({ fr: 'Date et heure invalides (ISO 8601).', en: 'Invalid date and time (ISO 8601).' }) });

export const idParams = z.object({ id: uuid });
export const bookingParams = z.object({ bookingId: uuid });

export const feedFileParams = z.object({
  file: z.string().regex(/^[A-Za-z0-9_-]{43}\.ics$/, { error: bilingual({ fr: 'Adresse de flux invalide.', en: 'Invalid feed address.' }) }),
});
export const createFeedBody = z.object({ resourceId: uuid.optional() }).strict();
export const feedView = z.object({ id: z.string(), memberId: z.string().nullable(), resourceId: z.string().nullable(), resourceName: z.string().nullable().optional(), createdAt: z.string() });
export const createdFeed = feedView.extend({ url: z.string() });
export const feedList = z.object({ items: z.array(feedView) });
export type FeedView = z.infer<typeof feedView>;
export type CreatedFeed = z.infer<typeof createdFeed>;

const notes = z.string().trim().max(2000, { error: bilingual({ fr: '2 000 caractères au plus.', en: '2,000 characters at most.' }) });
export const handoverBody = z
  .object({
    direction: z.enum(['out', 'in'], { error: bilingual({ fr: 'Départ (out) ou retour (in).', en: 'Check-out (out) or check-in (in).' }) }),
    mileageKm: z.number().int().min(0, { error: bilingual({ fr: 'Kilométrage positif.', en: 'Mileage must be positive.' }) }).max(9_999_999, { error: bilingual({ fr: 'Kilométrage trop grand.', en: 'Mileage too large.' }) }).nullable().optional(),
    fuelPercent: z.number().int().min(0, { error: bilingual({ fr: 'Entre 0 et 100 %.', en: 'Between 0 and 100 %.' }) }).max(100, { error: bilingual({ fr: 'Entre 0 et 100 %.', en: 'Between 0 and 100 %.' }) }).nullable().optional(),
    notes: notes.nullable().optional(),
  })
  .strict();
export type HandoverBody = z.infer<typeof handoverBody>;
export const photoFields = z.object({ direction: z.enum(['out', 'in'], { error: bilingual({ fr: 'Départ (out) ou retour (in).', en: 'Check-out (out) or check-in (in).' }) }) });

const reading = z.object({ at: z.string(), mileageKm: z.number().int().nullable(), fuelPercent: z.number().int().nullable(), notes: z.string().nullable() });
export const handoverView = z.object({
  bookingId: z.string(),
  resourceName: z.string(),
  resourceKind: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  status: z.string(),
  out: reading.nullable(),
  in: reading.nullable(),
  kilometresDriven: z.number().int().nullable(),
  photos: z.array(z.object({ id: z.string(), direction: z.enum(['out', 'in']), fileName: z.string() })),
});
export type HandoverView = z.infer<typeof handoverView>;

/** A booking as the operations page lists it: what to do next (check in, take the van, bring it back). */
export const opsBooking = z.object({
  bookingId: z.string(),
  resourceId: z.string(),
  resourceName: z.string(),
  resourceKind: z.string(),
  siteName: z.string(),
  /** The site's zone: times are shown as its wall clock. */
  timeZone: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  status: z.string(),
  checkedInAt: z.string().nullable(),
  handedOutAt: z.string().nullable(),
  returnedAt: z.string().nullable(),
  kilometresDriven: z.number().int().nullable(),
});
export const opsBookingList = z.object({ items: z.array(opsBooking) });
export type OpsBooking = z.infer<typeof opsBooking>;

export const walkInBody = z.object({ resourceId: uuid, activityId: uuid.optional() }).strict();
export const checkInView = z.object({ bookingId: z.string(), checkedInAt: z.string(), walkIn: z.boolean() });
export const noShowBody = z
  .object({ cutoffMinutes: z.number().int().min(0, { error: bilingual({ fr: 'Entre 0 et 1 440 minutes.', en: 'Between 0 and 1,440 minutes.' }) }).max(1440, { error: bilingual({ fr: 'Entre 0 et 1 440 minutes.', en: 'Between 0 and 1,440 minutes.' }) }).default(120) })
  .strict();

const day = z.iso.date({ error: bilingual({ fr: 'Date invalide (AAAA-MM-JJ).', en: 'Invalid date (YYYY-MM-DD).' }) });
export const occupancyQuery = z
  .object({ from: day, to: day, siteId: uuid.optional() })
  .refine((q) => q.from <= q.to, { path: ['to'], error: bilingual({ fr: 'La fin doit suivre le début.', en: 'The end must follow the start.' }) })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 366 * 86_400_000, { path: ['to'], error: bilingual({ fr: 'Une année au plus.', en: 'One year at most.' }) });
const counts = { bookedMinutes: z.number().int(), openMinutes: z.number().int(), ratePerMille: z.number().int(), bookings: z.number().int(), noShows: z.number().int(), revenueCents: z.number().int() };
export const occupancyView = z.object({
  from: z.string(),
  to: z.string(),
  resources: z.array(z.object({ resourceId: z.string(), name: z.string(), kind: z.string(), siteId: z.string().nullable(), siteName: z.string(), ...counts })),
  sites: z.array(z.object({ siteId: z.string(), siteName: z.string(), ...counts })),
  /** Booked minutes by weekday (0 Monday) and hour, in Paris time. */
  peakHours: z.array(z.array(z.number().int())),
  totals: z.object(counts),
});
export type OccupancyView = z.infer<typeof occupancyView>;
