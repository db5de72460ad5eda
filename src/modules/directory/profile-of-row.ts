import { and, asc, eq, getTableColumns, inArray } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { memberDepartures, memberNames } from '../members/index.js';
import { DEFAULT_VISIBILITY, type DirectoryProfile, type PortfolioFile } from './domain/visible-profile.js';
import { directoryProfileFiles, directoryProfiles, type DirectoryProfileRow } from './schema.js';

const { searchStaff: _staff, searchMembers: _members, searchPublic: _public, ...shown } = getTableColumns(directoryProfiles);
/** The columns a profile is read from: not the search texts, which only the WHERE clause needs (three long strings a row). */
export const PROFILE_COLUMNS = shown;
export type ProfileRow = Omit<DirectoryProfileRow, 'searchStaff' | 'searchMembers' | 'searchPublic'>;

/**
 * The whole profiles of some rows, as the visibility rule takes them. The name shown is read
 * live from the member file (a rename shows at once); the copy in the row only feeds the
 * search until the member's next save. `filesBase` is the address the viewer downloads files
 * under (`/api/directory` inside the coop, the public directory's address outside): the
 * download routes behind it re-check the visibility rule.
 */
export async function profilesOfRows(db: Executor, coopId: string, rows: ProfileRow[], filesBase: string): Promise<DirectoryProfile[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.memberId);
  const [names, departures, files] = await Promise.all([
    memberNames(db, coopId, ids),
    memberDepartures(db, coopId, ids),
    db
      .select({ id: directoryProfileFiles.id, memberId: directoryProfileFiles.memberId, kind: directoryProfileFiles.kind, visibility: directoryProfileFiles.visibility, fileName: directoryProfileFiles.fileName, contentType: directoryProfileFiles.contentType, sizeBytes: directoryProfileFiles.sizeBytes })
      .from(directoryProfileFiles)
      .where(and(eq(directoryProfileFiles.coopId, coopId), inArray(directoryProfileFiles.memberId, ids)))
      .orderBy(asc(directoryProfileFiles.uploadedAt), asc(directoryProfileFiles.id)),
  ]);
  const filesOf = new Map<string, PortfolioFile[]>();
  const photoOf = new Map<string, string>();
  for (const f of files) {
    // The file's id in the address: a new photo is a new address, so no cache shows the old one.
    if (f.kind === 'photo') photoOf.set(f.memberId, `${filesBase}/${f.memberId}/photo?v=${f.id}`);
    else filesOf.set(f.memberId, [...(filesOf.get(f.memberId) ?? []), { id: f.id, fileName: f.fileName, contentType: f.contentType, sizeBytes: f.sizeBytes, visibility: f.visibility, url: `${filesBase}/${f.memberId}/files/${f.id}` }]);
  }
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
    photoUrl: photoOf.get(r.memberId) ?? null,
    leftOn: departures.get(r.memberId) ?? null,
    updatedAt: r.updatedAt,
  }));
}

/** Where files are downloaded from inside the coop, and from a coop's public directory. */
export const MEMBERS_FILES_BASE = '/api/directory';
export const publicFilesBase = (slug: string) => `/api/directory/public/${encodeURIComponent(slug)}`;
