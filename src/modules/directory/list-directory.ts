import { and, asc, count, eq, not, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import type { Page } from '../../platform/http/pagination.js';
import { memberHasLeft } from '../members/index.js';
import type { DirectoryQuery } from './contract.js';
import { normalizeSearch, searchWords } from './domain/normalize-search.js';
import { audienceOf, visibleProfile, type DirectoryCoopSettings, type DirectoryViewer, type ProfileField, type VisibleProfile } from './domain/visible-profile.js';
import { PROFILE_COLUMNS, profilesOfRows } from './profile-of-row.js';
import { directoryProfiles as p } from './schema.js';

const SEARCH_COLUMN = { staff: p.searchStaff, members: p.searchMembers, public: p.searchPublic } as const;

/** `%word%` for LIKE, with LIKE's own wildcards taken literally. */
const containing = (word: string) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The directory as one viewer may search it. A filter or a word only matches what the viewer
 * could read of a profile (the audience's search column, and each filtered field's own
 * visibility), so a search never reveals a hidden field by which profiles it returns. Each
 * profile of the page then goes through the one visibility rule before it leaves.
 */
export async function listDirectory(db: Executor, coopId: string, viewer: DirectoryViewer, coop: DirectoryCoopSettings, query: DirectoryQuery, filesBase: string): Promise<Page<VisibleProfile>> {
  const audience = audienceOf(viewer);
  const readable = (field: ProfileField): SQL | undefined =>
    audience === 'staff' ? undefined : audience === 'members' ? sql`${p.visibility}->>${field} in ('members', 'public')` : sql`${p.visibility}->>${field} = 'public'`;

  const where: (SQL | undefined)[] = [eq(p.coopId, coopId)];
  if (audience === 'public') where.push(eq(p.listed, true));
  // Members who left are no longer in the directory (visibleProfile drops them too); the staff still list them, marked.
  if (audience !== 'staff') where.push(not(memberHasLeft(p.coopId, p.memberId)));
  for (const word of searchWords(query.q ?? '')) where.push(sql`${SEARCH_COLUMN[audience]} like ${containing(word)}`);
  if (query.skill) where.push(readable('skills'), sql`${p.skillsNorm} @> array[${normalizeSearch(query.skill)}]::text[]`);
  if (query.trade) for (const word of searchWords(query.trade)) where.push(readable('trade'), sql`lower(f_unaccent(coalesce(${p.trade}, ''))) like ${containing(word)}`);
  if (query.pole) where.push(readable('poles'), sql`${p.poles} @> array[${query.pole}]::text[]`);
  if (query.city) where.push(readable('city'), sql`${p.cityNorm} like ${`${normalizeSearch(query.city).replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
  if (query.availability) where.push(readable('availability'), eq(p.availability, query.availability));
  const condition = and(...where);

  const [rows, [total]] = await Promise.all([
    db
      .select(PROFILE_COLUMNS)
      .from(p)
      .where(condition)
      .orderBy(asc(p.nameSort), asc(p.memberId))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(p).where(condition),
  ]);
  const profiles = await profilesOfRows(db, coopId, rows, filesBase);
  return {
    items: profiles.flatMap((profile) => visibleProfile(profile, viewer, coop) ?? []),
    total: Number(total?.n ?? 0),
    page: query.page,
    pageSize: query.pageSize,
  };
}
