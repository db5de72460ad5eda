import { randomUUID } from 'node:crypto';
import { and, count, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db } from '../../platform/db/client.js';
import { invalidField } from '../../platform/errors.js';
import type { FileStorage } from '../../platform/files/storage.js';
import type { Actor } from '../../platform/http/context.js';
import type { UploadedFile } from '../../platform/http/upload.js';
import { MAX_PORTFOLIO_FILES } from './contract.js';
import { acceptedFileType } from './domain/profile-file-type.js';
import type { ProfileFileKind, Visibility } from './domain/visible-profile.js';
import { assertMayEditProfile, lockProfileForFiles } from './profile-editor.js';
import { directoryProfileFiles } from './schema.js';

const REFUSED = {
  photo: { fr: 'Photo en JPEG, PNG ou WebP seulement (le contenu du fichier est vérifié).', en: 'Photo as JPEG, PNG or WebP only (the file content is checked).' },
  portfolio: { fr: 'Fichier en PDF, JPEG, PNG ou WebP seulement (le contenu du fichier est vérifié).', en: 'File as PDF, JPEG, PNG or WebP only (the file content is checked).' },
};

/**
 * Adds the profile's photo (replacing the one it had) or a portfolio file. Everything that can
 * be refused is refused before a byte is stored; the bytes go under a new key nobody chooses,
 * then the row names them with their hash; a transaction that fails removes them, and a
 * replaced photo's bytes go only once the new one is committed. Audited: the member's files
 * are personal data shown, at her choice, to others.
 */
export async function uploadProfileFile(
  db: Db,
  storage: FileStorage,
  actor: Actor,
  memberId: string,
  kind: ProfileFileKind,
  visibility: Visibility,
  file: UploadedFile,
  maxBytes: number,
): Promise<{ id: string }> {
  if (file.bytes.length > maxBytes) throw invalidField('file', { fr: `Fichier de ${Math.floor(maxBytes / (1024 * 1024))} Mo au plus.`, en: `File of ${Math.floor(maxBytes / (1024 * 1024))} MB at most.` });
  const type = acceptedFileType(kind, file.bytes);
  if (!type) throw invalidField('file', REFUSED[kind]);
  await assertMayEditProfile(db, actor, memberId);
  const storageKey = `coops/${actor.coopId}/directory/${memberId}/${randomUUID()}`;
  const stored = await storage.put(storageKey, file.bytes);
  try {
    const { id, replacedKey } = await db.transaction(async (tx) => {
      await lockProfileForFiles(tx, actor, memberId);
      const mine = and(eq(directoryProfileFiles.coopId, actor.coopId), eq(directoryProfileFiles.memberId, memberId), eq(directoryProfileFiles.kind, kind));
      let replaced: typeof directoryProfileFiles.$inferSelect | undefined;
      if (kind === 'photo') {
        [replaced] = await tx.delete(directoryProfileFiles).where(mine).returning();
      } else {
        const [n] = await tx.select({ n: count() }).from(directoryProfileFiles).where(mine);
        if (Number(n?.n ?? 0) >= MAX_PORTFOLIO_FILES) throw invalidField('file', { fr: `${MAX_PORTFOLIO_FILES} fichiers de portfolio au plus : retirez-en un d'abord.`, en: `${MAX_PORTFOLIO_FILES} portfolio files at most: remove one first.` });
      }
      const [row] = await tx
        .insert(directoryProfileFiles)
        .values({
          coopId: actor.coopId,
          memberId,
          kind,
          visibility: kind === 'photo' ? 'hidden' : visibility,
          fileName: file.fileName.slice(0, 255),
          contentType: type,
          sizeBytes: stored.size,
          sha256: stored.sha256,
          storageKey,
          uploadedBy: actor.userId,
        })
        .returning({ id: directoryProfileFiles.id });
      await recordAudit(tx, actor, {
        action: kind === 'photo' ? 'directory.photo_set' : 'directory.file_added',
        entityType: 'directory_profile',
        entityId: memberId,
        before: replaced ? { fileId: replaced.id, sha256: replaced.sha256 } : null,
        after: { fileId: row!.id, kind, visibility: kind === 'photo' ? null : visibility, type, bytes: stored.size, sha256: stored.sha256 },
      });
      return { id: row!.id, replacedKey: replaced?.storageKey };
    });
    if (replacedKey) await storage.remove(replacedKey).catch(() => undefined);
    return { id };
  } catch (err) {
    await storage.remove(storageKey).catch(() => undefined);
    throw err;
  }
}
