import { z } from 'zod';
import { bilingual } from '../../platform/http/messages.js';

/** A resource shows a few photos on its card; more is a gallery the catalogue does not need. */
export const MAX_RESOURCE_PHOTOS = 12;
/** A photo of a room or a van, resized or not by the phone: a few megabytes at most. */
export const MAX_RESOURCE_PHOTO_BYTES = 8 * 1024 * 1024;
export const RESOURCE_PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;

const uuid = z.uuid({ error: bilingual({ fr: 'Identifiant invalide.', en: 'Invalid identifier.' }) });
export const resourcePhotoParams = z.object({ id: uuid, photoId: uuid });
/** The upload carries no field but the file. */
export const resourcePhotoFields = z.object({}).strict();
export const resourcePhoto = z.object({ id: z.string(), resourceId: z.string(), fileName: z.string(), contentType: z.enum(RESOURCE_PHOTO_TYPES), size: z.number().int(), createdAt: z.date() });
export type ResourcePhoto = z.infer<typeof resourcePhoto>;
export const resourcePhotoList = z.object({ items: z.array(resourcePhoto) });
