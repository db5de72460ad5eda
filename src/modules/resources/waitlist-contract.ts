import { z } from 'zod';
import { bilingual } from '../../platform/http/messages.js';

// The waiting list's schemas, shared by its routes and the web client.

const uuid = z.uuid({ error: bilingual({ fr: 'Identifiant invalide.', en: 'Invalid identifier.' }) });
const instant = z.iso.datetime({ offset: true, error: bilingual({ fr: 'Date et heure invalides (ISO 8601).', en: 'Invalid date and time (ISO 8601).' }) });

export const WAITLIST_STATUS_VALUES = ['waiting', 'notified', 'left', 'booked'] as const;

/** A member waits for a taken slot, for themselves (the activity is the one they would book it on). */
export const joinWaitlistBody = z
  .object({ resourceId: uuid, startsAt: instant, endsAt: instant, activityId: uuid.optional() })
  .strict()
  .refine((r) => new Date(r.startsAt) < new Date(r.endsAt), { error: bilingual({ fr: 'La fin doit suivre le début.', en: 'The end must come after the start.' }), path: ['endsAt'] });
export type JoinWaitlistBody = z.input<typeof joinWaitlistBody>;

export const waitlistEntry = z.object({
  id: z.string(),
  resourceId: z.string(),
  resourceName: z.string(),
  memberId: z.string(),
  memberName: z.string().nullable(),
  startsAt: z.date(),
  endsAt: z.date(),
  status: z.enum(WAITLIST_STATUS_VALUES),
  createdAt: z.date(),
  notifiedAt: z.date().nullable(),
});
export type WaitlistEntry = z.infer<typeof waitlistEntry>;
export const waitlistList = z.object({ items: z.array(waitlistEntry) });
