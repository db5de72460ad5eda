import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { visibleProfile, type DirectoryCoopSettings, type DirectoryViewer, type VisibleProfile } from './domain/visible-profile.js';
import { directoryErrors } from './errors.js';
import { PROFILE_COLUMNS, profilesOfRows } from './profile-of-row.js';
import { directoryProfiles } from './schema.js';

/** One profile as the viewer may read it; a profile the viewer may not see at all is the same 404 as one that does not exist. */
export async function getDirectoryProfile(db: Executor, coopId: string, memberId: string, viewer: DirectoryViewer, coop: DirectoryCoopSettings, filesBase: string): Promise<VisibleProfile> {
  const rows = await db.select(PROFILE_COLUMNS).from(directoryProfiles).where(and(eq(directoryProfiles.coopId, coopId), eq(directoryProfiles.memberId, memberId)));
  const [profile] = await profilesOfRows(db, coopId, rows, filesBase);
  const seen = profile ? visibleProfile(profile, viewer, coop) : null;
  if (!seen) throw directoryErrors.PROFILE_NOT_FOUND();
  return seen;
}
