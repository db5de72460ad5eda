import { and, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { unreadableFile } from '../../platform/files/file-errors.js';
import type { FileStorage } from '../../platform/files/storage.js';
import type { DirectoryCoopSettings, DirectoryViewer } from './domain/visible-profile.js';
import { directoryErrors } from './errors.js';
import { getDirectoryProfile } from './get-directory-profile.js';
import { directoryProfileFiles } from './schema.js';

/**
 * The bytes of a profile's photo (`fileId` null) or portfolio file, for a viewer the one
 * visibility rule lets see it: the profile is read as that viewer reads it, and a file absent
 * from what the viewer would receive is the same 404 as a file that does not exist.
 */
export async function openProfileFile(
  db: Db,
  storage: FileStorage,
  coopId: string,
  memberId: string,
  fileId: string | null,
  viewer: DirectoryViewer,
  coop: DirectoryCoopSettings,
): Promise<{ bytes: Buffer; contentType: string; fileName: string }> {
  const seen = await getDirectoryProfile(db, coopId, memberId, viewer, coop, '');
  const allowed = fileId === null ? Boolean(seen.photoUrl) : (seen.files ?? []).some((f) => f.id === fileId);
  if (!allowed) throw directoryErrors.FILE_NOT_FOUND();
  const [row] = await db
    .select()
    .from(directoryProfileFiles)
    .where(and(eq(directoryProfileFiles.coopId, coopId), eq(directoryProfileFiles.memberId, memberId), fileId === null ? eq(directoryProfileFiles.kind, 'photo') : eq(directoryProfileFiles.id, fileId)));
  if (!row) throw directoryErrors.FILE_NOT_FOUND();
  const read = await storage.read(row.storageKey, { sha256: row.sha256 });
  // Bytes gone (a restore without the files folder): not found; bytes changed: refused, never served.
  if (!read.ok) throw read.problem === 'missing' ? directoryErrors.FILE_NOT_FOUND() : unreadableFile(read.problem);
  return { bytes: read.bytes, contentType: row.contentType, fileName: row.fileName };
}
