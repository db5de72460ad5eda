import { and, count, eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db } from '../../platform/db/client.js';
import type { FileStorage } from '../../platform/files/storage.js';
import type { Actor } from '../../platform/http/context.js';
import { photoKindOf } from './domain/photo-kind.js';
import { resourcesErrors } from './errors.js';
import { MAX_RESOURCE_PHOTOS, RESOURCE_PHOTO_TYPES, type ResourcePhoto } from './photo-contract.js';
import { photoErrors } from './photo-errors.js';
import { resourcePhotos, resources } from './schema.js';

const notImage = () => photoErrors.PHOTO_NOT_IMAGE([{ path: 'file', message: { fr: 'Ce fichier n’est pas une photo JPEG, PNG ou WebP.', en: 'This file is not a JPEG, PNG or WebP photo.' } }]);

/**
 * Adds a photo to a resource's catalogue card. The type is read from the bytes (never the
 * name or the claimed type): members' browsers show it inline. The bytes are stored first
 * under a new key, then the row written under the resource's row lock, which keeps the count
 * at most MAX_RESOURCE_PHOTOS when two uploads race; a failed transaction leaves an
 * unreferenced file, never a row without its file.
 */
export async function addResourcePhoto(db: Db, storage: FileStorage, actor: Actor, resourceId: string, file: { fileName: string; bytes: Buffer }): Promise<ResourcePhoto> {
  const type = photoKindOf(file.bytes);
  if (!type || !(RESOURCE_PHOTO_TYPES as readonly string[]).includes(type)) throw notImage();
  const [r] = await db.select({ id: resources.id }).from(resources).where(and(eq(resources.coopId, actor.coopId), eq(resources.id, resourceId)));
  if (!r) throw resourcesErrors.RESOURCE_NOT_FOUND();
  const key = `resources/${actor.coopId}/photos/${resourceId}/${randomUUID()}`;
  const stored = await storage.put(key, file.bytes);
  return db.transaction(async (tx) => {
    await tx.select({ id: resources.id }).from(resources).where(and(eq(resources.coopId, actor.coopId), eq(resources.id, resourceId))).for('update');
    const [{ n }] = (await tx.select({ n: count() }).from(resourcePhotos).where(and(eq(resourcePhotos.coopId, actor.coopId), eq(resourcePhotos.resourceId, resourceId)))) as [{ n: number }];
    if (n >= MAX_RESOURCE_PHOTOS) throw photoErrors.TOO_MANY_PHOTOS([{ path: 'file', message: { fr: `${MAX_RESOURCE_PHOTOS} photos au plus par ressource.`, en: `${MAX_RESOURCE_PHOTOS} photos at most per resource.` } }]);
    const [row] = await tx
      .insert(resourcePhotos)
      .values({ coopId: actor.coopId, resourceId, storageKey: key, sha256: stored.sha256, fileName: file.fileName.slice(0, 200), contentType: type, size: stored.size, uploadedBy: actor.userId })
      .returning();
    await recordAudit(tx, actor, { action: 'resource.photo_add', entityType: 'resource', entityId: resourceId, after: { photoId: row!.id, fileName: row!.fileName, sha256: stored.sha256, bytes: stored.size } });
    return { id: row!.id, resourceId, fileName: row!.fileName, contentType: type as ResourcePhoto['contentType'], size: row!.size, createdAt: row!.createdAt };
  });
}
