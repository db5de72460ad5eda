import { z } from 'zod';
import { bilingual } from '../../platform/http/messages.js';
import { EVENT_KINDS, EVENT_STATUSES, REGISTRATION_STATUSES } from './schema.js';

// Shared by the routes and the web client: the API's types are written once, here.
export { EVENT_KINDS, EVENT_STATUSES, REGISTRATION_STATUSES };
export const MAX_CAPACITY = 10_000;

const instant = z.iso.datetime({ offset: true, error: bilingual({ fr: 'Date et heure invalides (ISO 8601).', en: 'Invalid date and time (ISO 8601).' }) }).transform((s) => new Date(s));
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: bilingual({ fr: `${max} caractères au plus.`, en: `${max} characters at most.` }) })
    .refine((s) => !s.includes('\u0000'), { error: bilingual({ fr: 'Caractère invalide.', en: 'Invalid character.' }) });
const required = (max: number) => text(max).min(1, { error: bilingual({ fr: 'Obligatoire.', en: 'Required.' }) });
const url = z
  .url({ protocol: /^https?$/, error: bilingual({ fr: 'Lien invalide (https://…).', en: 'Invalid link (https://…).' }) })
  .max(500, { error: bilingual({ fr: '500 caractères au plus.', en: '500 characters at most.' }) });
const email = z
  .email({ error: bilingual({ fr: 'Adresse e-mail invalide.', en: 'Invalid e-mail address.' }) })
  .max(254)
  .transform((s) => s.trim().toLowerCase());

export const idParams = z.object({ id: z.uuid({ error: bilingual({ fr: 'Identifiant invalide.', en: 'Invalid id.' }) }) });
export const registrationParams = idParams.extend({ registrationId: z.uuid({ error: bilingual({ fr: 'Identifiant invalide.', en: 'Invalid id.' }) }) });

const eventFields = {
  kind: z.enum(EVENT_KINDS, { error: bilingual({ fr: "Type d'évènement inconnu.", en: 'Unknown kind of event.' }) }),
  title: required(200),
  theme: text(200).nullable().optional(),
  description: text(5000).nullable().optional(),
  /** A member of the coop hosts it, or someone from outside (a name); not both. */
  hostMemberId: z.uuid().nullable().optional(),
  hostName: text(200).nullable().optional(),
  startsAt: instant,
  endsAt: instant,
  registrationDeadline: instant.nullable().optional(),
  place: text(300).nullable().optional(),
  onlineUrl: url.nullable().optional(),
  capacity: z
    .number()
    .int({ error: bilingual({ fr: 'Nombre de places entier.', en: 'Whole number of places.' }) })
    .min(1, { error: bilingual({ fr: 'Au moins 1 place (vide : sans limite).', en: 'At least 1 place (empty: no limit).' }) })
    .max(MAX_CAPACITY, { error: bilingual({ fr: `${MAX_CAPACITY} places au plus.`, en: `${MAX_CAPACITY} places at most.` }) })
    .nullable()
    .optional(),
  proposalId: z.uuid().nullable().optional(),
};

export const createEventBody = z.object(eventFields);
export type CreateEventBody = z.input<typeof createEventBody>;
export type CreateEventInput = z.output<typeof createEventBody>;
export const updateEventBody = z.object(eventFields).partial();
export type UpdateEventBody = z.input<typeof updateEventBody>;
export type UpdateEventInput = z.output<typeof updateEventBody>;

export const eventListQuery = z.object({
  when: z.enum(['upcoming', 'past']).default('upcoming'),
  kind: z.enum(EVENT_KINDS).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const myRegistration = z.object({ id: z.string(), status: z.enum(REGISTRATION_STATUSES), waitingPosition: z.number().int().nullable(), attended: z.boolean().nullable() }).nullable();

export const eventSummary = z.object({
  id: z.string(),
  kind: z.enum(EVENT_KINDS),
  title: z.string(),
  theme: z.string().nullable(),
  hostMemberId: z.string().nullable(),
  /** The member's name or the outside host's. */
  hostName: z.string().nullable(),
  startsAt: z.date(),
  endsAt: z.date(),
  registrationDeadline: z.date().nullable(),
  place: z.string().nullable(),
  onlineUrl: z.string().nullable(),
  capacity: z.number().int().nullable(),
  status: z.enum(EVENT_STATUSES),
  confirmed: z.number().int(),
  waiting: z.number().int(),
  placesLeft: z.number().int().nullable(),
  /** Present after the event: how many came, once attendance was taken. */
  attended: z.number().int(),
  registrationOpen: z.boolean(),
  my: myRegistration,
  /** The viewer is staff or the event's host: sees registrants and takes attendance. */
  canManage: z.boolean(),
});
export type EventSummary = z.infer<typeof eventSummary>;
export const eventList = z.object({ items: z.array(eventSummary) });

export const registrant = z.object({
  id: z.string(),
  memberId: z.string().nullable(),
  name: z.string(),
  /** Only for guests, to staff and the host (a member's address stays in the member file). */
  guestEmail: z.string().nullable(),
  guest: z.boolean(),
  status: z.enum(REGISTRATION_STATUSES),
  waitingPosition: z.number().int().nullable(),
  attended: z.boolean().nullable(),
  createdAt: z.date(),
});
export type Registrant = z.infer<typeof registrant>;

export const eventDetail = eventSummary.extend({
  description: z.string().nullable(),
  /** Empty unless the viewer may manage the event. */
  registrants: z.array(registrant),
});
export type EventDetail = z.infer<typeof eventDetail>;

/** Empty: register myself. `guest`: staff register someone from outside. `memberId`: staff register a member. */
export const registerBody = z
  .object({
    memberId: z.uuid().optional(),
    guest: z.object({ name: required(200), email }).optional(),
  })
  .refine((b) => !(b.memberId && b.guest), { error: bilingual({ fr: 'Un membre ou un invité, pas les deux.', en: 'A member or a guest, not both.' }), path: ['guest'] });
export type RegisterBody = z.input<typeof registerBody>;

export const registration = z.object({ id: z.string(), eventId: z.string(), status: z.enum(REGISTRATION_STATUSES), waitingPosition: z.number().int().nullable(), attended: z.boolean().nullable() });
export type Registration = z.infer<typeof registration>;

export const attendanceBody = z.object({ attended: z.boolean({ error: bilingual({ fr: 'Présent (true), absent (false) ou non noté (null).', en: 'Present (true), absent (false) or not taken (null).' }) }).nullable() });

export const hostHistoryItem = z.object({
  eventId: z.string(),
  kind: z.enum(EVENT_KINDS),
  title: z.string(),
  theme: z.string().nullable(),
  hostName: z.string(),
  startsAt: z.date(),
  attended: z.number().int(),
});
export const hostHistory = z.object({
  items: z.array(hostHistoryItem),
  /** Who hosted how many, most first. */
  hosts: z.array(z.object({ hostName: z.string(), hostMemberId: z.string().nullable(), count: z.number().int(), lastAt: z.date() })),
});
export type HostHistory = z.infer<typeof hostHistory>;

export const proposeThemeBody = z.object({ title: required(200), details: text(2000).nullable().optional(), wouldHost: z.boolean().default(false) });
export type ProposeThemeBody = z.input<typeof proposeThemeBody>;

export const themeProposal = z.object({
  id: z.string(),
  title: z.string(),
  details: z.string().nullable(),
  proposedBy: z.string().nullable(),
  wouldHost: z.boolean(),
  status: z.enum(['open', 'scheduled', 'dismissed']),
  votes: z.number().int(),
  rank: z.number().int(),
  votedByMe: z.boolean(),
  mine: z.boolean(),
  createdAt: z.date(),
});
export type ThemeProposal = z.infer<typeof themeProposal>;
export const themeProposalList = z.object({ items: z.array(themeProposal) });
