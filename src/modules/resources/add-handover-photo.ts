import { and, eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db } from '../../platform/db/client.js';
import type { FileStorage } from '../../platform/files/storage.js';
import type { Actor } from '../../platform/http/context.js';
import { bookingInScope } from './booking-in-scope.js';
import type { HandoverDirection } from './domain/handover-rules.js';
import { photoKindOf } from './domain/photo-kind.js';
import { opsErrors } from './ops-errors.js';
import { resourceHandoverPhotos, resourceHandovers } from './schema.js';

/**
 * Adds a photo (a scratch, the dashboard) to the check-out or check-in already recorded. The
 * bytes are stored first under a new key, then the row written: a failed transaction leaves
 * an unreferenced file, never a row without its file.
 */
export async function addHandoverPhoto(db: Db, storage: FileStorage, actor: Actor, bookingId: string, direction: HandoverDirection, file: { fileName: string; bytes: Buffer }) {
  const type = photoKindOf(file.bytes);
  if (!type) throw opsErrors.PHOTO_NOT_IMAGE([{ path: 'file', message: { fr: 'Ce fichier n’est pas une photo.', en: 'This file is not a photo.' } }]);
  await bookingInScope(db, actor, bookingId);
  const [h] = await db.select().from(resourceHandovers).where(and(eq(resourceHandovers.coopId, actor.coopId), eq(resourceHandovers.bookingId, bookingId)));
  if (!h) throw opsErrors.HANDOVER_NOT_OUT();
  if (direction === 'in' && !h.inAt) throw opsErrors.HANDOVER_NOT_OUT([{ path: 'direction', message: { fr: "Enregistrez d'abord le retour.", en: 'Record the check-in first.' } }]);
  const key = `resources/${actor.coopId}/handovers/${bookingId}/${randomUUID()}`;
  const stored = await storage.put(key, file.bytes);
  const [row] = await db.transaction(async (tx) => {
    const inserted = await tx
      .insert(resourceHandoverPhotos)
      .values({ coopId: actor.coopId, bookingId, direction, storageKey: key, sha256: stored.sha256, fileName: file.fileName.slice(0, 200), contentType: type, size: stored.size, uploadedBy: actor.userId })
      .returning({ id: resourceHandoverPhotos.id });
    await recordAudit(tx, actor, { action: 'resource_handover.photo', entityType: 'resource_booking', entityId: bookingId, after: { direction, sha256: stored.sha256, bytes: stored.size } });
    return inserted;
  });
  return row!;
}

/** A handover photo's bytes, for those who may see the booking. */
export async function openHandoverPhoto(db: Db, storage: FileStorage, actor: Actor, photoId: string) {
  const [p] = await db.select().from(resourceHandoverPhotos).where(and(eq(resourceHandoverPhotos.coopId, actor.coopId), eq(resourceHandoverPhotos.id, photoId)));
  if (!p) throw opsErrors.BOOKING_NOT_FOUND();
  await bookingInScope(db, actor, p.bookingId);
  const read = await storage.read(p.storageKey, { sha256: p.sha256 });
  if (!read.ok) throw opsErrors.BOOKING_NOT_FOUND();
  return { bytes: read.bytes, type: p.contentType, fileName: p.fileName };
}
