import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import type { Visibility } from './domain/visible-profile.js';
import { directoryErrors } from './errors.js';
import { lockProfileForFiles } from './profile-editor.js';
import { directoryProfileFiles } from './schema.js';

/** Who may see a portfolio file, changed by its owner (or the staff). Audited: it is her consent to show it. */
export async function setFileVisibility(db: Db, actor: Actor, memberId: string, fileId: string, visibility: Visibility): Promise<void> {
  await db.transaction(async (tx) => {
    await lockProfileForFiles(tx, actor, memberId);
    const where = and(eq(directoryProfileFiles.coopId, actor.coopId), eq(directoryProfileFiles.memberId, memberId), eq(directoryProfileFiles.id, fileId), eq(directoryProfileFiles.kind, 'portfolio'));
    const [before] = await tx.select({ visibility: directoryProfileFiles.visibility }).from(directoryProfileFiles).where(where);
    if (!before) throw directoryErrors.FILE_NOT_FOUND();
    await tx.update(directoryProfileFiles).set({ visibility }).where(where);
    await recordAudit(tx, actor, { action: 'directory.file_visibility_changed', entityType: 'directory_profile', entityId: memberId, before: { fileId, visibility: before.visibility }, after: { fileId, visibility } });
  });
}
