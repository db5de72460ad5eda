import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db } from '../../platform/db/client.js';
import type { FileStorage } from '../../platform/files/storage.js';
import type { Actor } from '../../platform/http/context.js';
import { directoryErrors } from './errors.js';
import { lockProfileForFiles } from './profile-editor.js';
import { directoryProfileFiles } from './schema.js';

/**
 * Removes a portfolio file (`fileId`) or the photo (`fileId` null). Audited, with the hash of
 * what was removed; the bytes go only once the removal is committed, so a rollback loses nothing.
 */
export async function removeProfileFile(db: Db, storage: FileStorage, actor: Actor, memberId: string, fileId: string | null): Promise<void> {
  const storageKey = await db.transaction(async (tx) => {
    await lockProfileForFiles(tx, actor, memberId);
    const [row] = await tx
      .delete(directoryProfileFiles)
      .where(
        and(
          eq(directoryProfileFiles.coopId, actor.coopId),
          eq(directoryProfileFiles.memberId, memberId),
          fileId === null ? eq(directoryProfileFiles.kind, 'photo') : and(eq(directoryProfileFiles.kind, 'portfolio'), eq(directoryProfileFiles.id, fileId)),
        ),
      )
      .returning();
    if (!row) throw directoryErrors.FILE_NOT_FOUND();
    await recordAudit(tx, actor, {
      action: row.kind === 'photo' ? 'directory.photo_removed' : 'directory.file_removed',
      entityType: 'directory_profile',
      entityId: memberId,
      before: { fileId: row.id, kind: row.kind, fileName: row.fileName, visibility: row.visibility, sha256: row.sha256 },
    });
    return row.storageKey;
  });
  await storage.remove(storageKey).catch(() => undefined);
}
