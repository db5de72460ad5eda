import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { isStaff, type Actor } from '../../platform/http/context.js';
import { memberIdOfUser, memberNames } from '../members/index.js';
import { normalizeSearch } from './domain/normalize-search.js';
import { searchTextsOf, DEFAULT_VISIBILITY } from './domain/visible-profile.js';
import { directoryErrors } from './errors.js';
import { directoryProfiles } from './schema.js';

/**
 * Who may change a profile's files: the member herself, and the staff for anyone of the coop
 * (they put a photo on the profile of a member who asked them to). Anyone else is refused
 * before a byte is stored.
 */
export async function assertMayEditProfile(db: Executor, actor: Actor, memberId: string): Promise<void> {
  if (isStaff(actor)) {
    if (!(await memberNames(db, actor.coopId, [memberId])).has(memberId)) throw directoryErrors.PROFILE_NOT_FOUND();
    return;
  }
  if ((await memberIdOfUser(db, actor.coopId, actor.userId)) !== memberId) throw directoryErrors.NOT_YOUR_PROFILE();
}

/**
 * Inside the transaction of a change to a profile's files: the profile's row, created empty
 * and hidden (opt-in) when the member adds a file before her first save, then locked so two
 * uploads at once are decided one after the other (one photo, the portfolio's size).
 */
export async function lockProfileForFiles(tx: Executor, actor: Actor, memberId: string): Promise<void> {
  await assertMayEditProfile(tx, actor, memberId);
  const name = (await memberNames(tx, actor.coopId, [memberId])).get(memberId) ?? '';
  const texts = searchTextsOf({ name, visibility: DEFAULT_VISIBILITY, trade: null, skills: [], poles: [], sectors: [], pitch: null, city: null, languages: [] });
  await tx
    .insert(directoryProfiles)
    .values({ coopId: actor.coopId, memberId, name, nameSort: normalizeSearch(name), searchStaff: texts.staff, searchMembers: texts.members, searchPublic: texts.public })
    .onConflictDoNothing();
  await tx
    .select({ memberId: directoryProfiles.memberId })
    .from(directoryProfiles)
    .where(and(eq(directoryProfiles.coopId, actor.coopId), eq(directoryProfiles.memberId, memberId)))
    .for('update');
}
