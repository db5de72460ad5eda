import { and, eq, getTableColumns, inArray } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { memberNames } from '../members/index.js';
import { DEFAULT_VISIBILITY, type DirectoryProfile, type PortfolioFile } from './domain/visible-profile.js';
import { directoryProfileFiles, directoryProfiles, type DirectoryProfileRow } from './schema.js';

const { searchStaff: _staff, searchMembers: _members, searchPublic: _public, ...shown } = getTableColumns(directoryProfiles);
/** The columns a profile is read from: not the search texts, which only the WHERE clause needs (three long strings a row). */
export const PROFILE_COLUMNS = shown;
export type ProfileRow = Omit<DirectoryProfileRow, 'searchStaff' | 'searchMembers' | 'searchPublic'>;

/**
 * The whole profiles of some rows, as the visibility rule takes them. The name shown is read
 * live from the member file (a rename shows at once); the copy in the row only feeds the
 * search until the member's next save.
 */
export async function profilesOfRows(db: Executor, coopId: string, rows: ProfileRow[]): Promise<DirectoryProfile[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.memberId);
  const [names, files] = await Promise.all([
    memberNames(db, coopId, ids),
    db
      .select()
      .from(directoryProfileFiles)
      .where(and(eq(directoryProfileFiles.coopId, coopId), inArray(directoryProfileFiles.memberId, ids)))
      .orderBy(directoryProfileFiles.uploadedAt),
  ]);
  const filesOf = new Map<string, PortfolioFile[]>();
  for (const f of files) filesOf.set(f.memberId, [...(filesOf.get(f.memberId) ?? []), { id: f.id, fileName: f.fileName, contentType: f.contentType, sizeBytes: f.sizeBytes }]);
  return rows.map((r) => ({
    memberId: r.memberId,
    name: names.get(r.memberId) ?? r.name,
    listed: r.listed,
    visibility: { ...DEFAULT_VISIBILITY, ...r.visibility },
    trade: r.trade,
    skills: r.skills,
    poles: r.poles,
    sectors: r.sectors,
    pitch: r.pitch,
    links: r.links,
    files: filesOf.get(r.memberId) ?? [],
    city: r.city,
    availability: r.availability,
    availabilityNote: r.availabilityNote,
    languages: r.languages,
    email: r.email,
    phone: r.phone,
    photoUrl: null,
    updatedAt: r.updatedAt,
  }));
}
