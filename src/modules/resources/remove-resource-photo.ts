import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db } from '../../platform/db/client.js';
import type { FileStorage } from '../../platform/files/storage.js';
import type { Actor } from '../../platform/http/context.js';
import { photoErrors } from './photo-errors.js';
import { resourcePhotos } from './schema.js';

/**
 * Deletes a photo of a resource, audited with what it was (name, hash, size). The row goes in
 * the transaction; the bytes are removed after the commit: a crash between leaves an
 * unreferenced file, never a listed photo whose bytes are gone.
 */
export async function removeResourcePhoto(db: Db, storage: FileStorage, actor: Actor, resourceId: string, photoId: string): Promise<void> {
  const removed = await db.transaction(async (tx) => {
    const [row] = await tx
      .delete(resourcePhotos)
      .where(and(eq(resourcePhotos.coopId, actor.coopId), eq(resourcePhotos.resourceId, resourceId), eq(resourcePhotos.id, photoId)))
      .returning();
    if (!row) throw photoErrors.PHOTO_NOT_FOUND();
    await recordAudit(tx, actor, { action: 'resource.photo_remove', entityType: 'resource', entityId: resourceId, before: { photoId, fileName: row.fileName, sha256: row.sha256, bytes: row.size } });
    return row;
  });
  await storage.remove(removed.storageKey).catch(() => undefined);
}
