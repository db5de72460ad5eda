import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { memberIdOfUser, memberNames } from '../members/index.js';
import type { SaveProfileBody } from './contract.js';
import { normalizeSearch } from './domain/normalize-search.js';
import { searchTextsOf, type FieldVisibility } from './domain/visible-profile.js';
import { directoryErrors } from './errors.js';
import { getMyProfile } from './get-my-profile.js';
import { directoryProfiles } from './schema.js';

type Saved = Omit<SaveProfileBody, 'visibility'> & { visibility: FieldVisibility };

/** Case-insensitive de-duplication, keeping the member's first spelling: "React, react" is one skill. */
const distinct = (words: string[]) => [...new Map(words.map((w) => [normalizeSearch(w), w] as const)).values()];

/**
 * The member writes her directory profile and chooses, field by field, who sees it. The search
 * texts of each audience are written in the same statement as the fields, so a field hidden
 * now can no longer be found by the words it held. The visibility choice is audited: it is
 * the member's consent to show her data (RGPD art. 7: the controller must be able to show it).
 */
export async function saveMyProfile(db: Db, actor: Actor, body: Saved) {
  const memberId = await memberIdOfUser(db, actor.coopId, actor.userId);
  if (!memberId) throw directoryErrors.NOT_A_MEMBER();
  await db.transaction(async (tx) => {
    const name = (await memberNames(tx, actor.coopId, [memberId])).get(memberId) ?? '';
    const skills = distinct(body.skills);
    const fields = {
      name,
      nameSort: normalizeSearch(name),
      listed: body.listed,
      visibility: body.visibility,
      trade: body.trade ?? null,
      skills,
      skillsNorm: skills.map(normalizeSearch),
      poles: distinct(body.poles),
      sectors: distinct(body.sectors),
      pitch: body.pitch ?? null,
      links: body.links,
      city: body.city ?? null,
      cityNorm: body.city ? normalizeSearch(body.city) : null,
      availability: body.availability,
      availabilityNote: body.availabilityNote ?? null,
      languages: distinct(body.languages),
      email: body.email,
      phone: body.phone ?? null,
    };
    const texts = searchTextsOf({ ...fields, trade: fields.trade, pitch: fields.pitch, city: fields.city });
    const row = { ...fields, searchStaff: texts.staff, searchMembers: texts.members, searchPublic: texts.public, updatedAt: new Date() };
    const [before] = await tx
      .select({ listed: directoryProfiles.listed, visibility: directoryProfiles.visibility })
      .from(directoryProfiles)
      .where(and(eq(directoryProfiles.coopId, actor.coopId), eq(directoryProfiles.memberId, memberId)))
      .for('update');
    await tx
      .insert(directoryProfiles)
      .values({ coopId: actor.coopId, memberId, ...row })
      .onConflictDoUpdate({ target: [directoryProfiles.coopId, directoryProfiles.memberId], set: row });
    await recordAudit(tx, actor, {
      action: 'directory.profile_saved',
      entityType: 'directory_profile',
      entityId: memberId,
      before: before ? { listed: before.listed, ...before.visibility } : null,
      after: { listed: body.listed, ...body.visibility },
    });
  });
  return getMyProfile(db, actor);
}
