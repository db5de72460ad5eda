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
