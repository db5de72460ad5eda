import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import type { FileStorage } from '../../platform/files/storage.js';
import { photoErrors } from './photo-errors.js';
import { resourcePhotos } from './schema.js';

/** A resource photo's bytes, checked against the hash recorded at upload (an altered file is not served). */
export async function openResourcePhoto(db: Executor, storage: FileStorage, coopId: string, resourceId: string, photoId: string) {
  const [p] = await db
    .select()
    .from(resourcePhotos)
    .where(and(eq(resourcePhotos.coopId, coopId), eq(resourcePhotos.resourceId, resourceId), eq(resourcePhotos.id, photoId)));
  if (!p) throw photoErrors.PHOTO_NOT_FOUND();
  const read = await storage.read(p.storageKey, { sha256: p.sha256 });
  if (!read.ok) throw photoErrors.PHOTO_NOT_FOUND();
  return { bytes: read.bytes, type: p.contentType, fileName: p.fileName };
}
