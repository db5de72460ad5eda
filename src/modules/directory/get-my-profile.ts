import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { memberContacts, memberIdOfUser } from '../members/index.js';
import { DEFAULT_VISIBILITY, visibleProfile, type VisibleProfile } from './domain/visible-profile.js';
import { directoryErrors } from './errors.js';
import { MEMBERS_FILES_BASE, PROFILE_COLUMNS, profilesOfRows } from './profile-of-row.js';
import { directoryProfiles } from './schema.js';

/**
 * The member's own profile, whole, to edit. Before her first save she gets an empty profile
 * with everything hidden (opt-in) and her e-mail proposed, not yet shown to anyone.
 */
export async function getMyProfile(db: Executor, actor: Actor): Promise<VisibleProfile> {
  const memberId = await memberIdOfUser(db, actor.coopId, actor.userId);
  if (!memberId) throw directoryErrors.NOT_A_MEMBER();
  const rows = await db.select(PROFILE_COLUMNS).from(directoryProfiles).where(and(eq(directoryProfiles.coopId, actor.coopId), eq(directoryProfiles.memberId, memberId)));
  const [profile] = await profilesOfRows(db, actor.coopId, rows, MEMBERS_FILES_BASE);
  if (profile) return visibleProfile(profile, { kind: 'member', memberId }, { publicDirectory: false })!;
  const contact = (await memberContacts(db, actor.coopId, [memberId])).get(memberId);
  return {
    memberId,
    name: contact?.name ?? '',
    listed: false,
    visibility: { ...DEFAULT_VISIBILITY },
    trade: null,
    skills: [],
    poles: [],
    sectors: [],
    pitch: null,
    links: [],
    files: [],
    city: null,
    availability: null,
    availabilityNote: null,
    languages: [],
    email: contact?.email ?? null,
    phone: null,
    photoUrl: null,
    leftOn: null,
  };
}
