import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db, Executor } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { normalizeSearch } from './domain/normalize-search.js';
import { directoryErrors } from './errors.js';
import { directoryProfiles, directorySkills } from './schema.js';

const isUniqueViolation = (err: unknown) => {
  const e = err as { code?: string; cause?: { code?: string } };
  return (e.code ?? e.cause?.code) === '23505';
};

/** The coop's vocabulary of skills, in a French reader's order. */
export async function listSkills(db: Executor, coopId: string) {
  return db.select({ id: directorySkills.id, label: directorySkills.label }).from(directorySkills).where(eq(directorySkills.coopId, coopId)).orderBy(asc(directorySkills.normalized));
}

/**
 * Staff add a skill to the vocabulary (or promote a member's free word). "Ébéniste" and
 * "ebeniste" are one skill: the unique key on the folded form decides, even for two at once.
 */
export async function addSkill(db: Db, actor: Actor, label: string) {
  try {
    const [row] = await db
      .insert(directorySkills)
      .values({ coopId: actor.coopId, label, normalized: normalizeSearch(label).slice(0, 60), createdBy: actor.userId })
      .returning({ id: directorySkills.id, label: directorySkills.label });
    return row!;
  } catch (err) {
    if (isUniqueViolation(err)) throw directoryErrors.SKILL_EXISTS();
    throw err;
  }
}

/** Removing a word from the vocabulary leaves it on the profiles that hold it (it becomes a free word). */
export async function removeSkill(db: Db, actor: Actor, id: string): Promise<void> {
  const gone = await db.delete(directorySkills).where(and(eq(directorySkills.coopId, actor.coopId), eq(directorySkills.id, id))).returning({ id: directorySkills.id });
  if (gone.length === 0) throw directoryErrors.SKILL_NOT_FOUND();
}

/**
 * Words members wrote that the vocabulary lacks, most used first: the candidates for promotion.
 * Counted here rather than in SQL: a staff page read now and then, over at most a few
 * thousand profiles' short arrays.
 */
export async function listFreeSkills(db: Executor, coopId: string) {
  const [profiles, vocabulary] = await Promise.all([
    db.select({ skills: directoryProfiles.skills }).from(directoryProfiles).where(and(eq(directoryProfiles.coopId, coopId), sql`cardinality(${directoryProfiles.skills}) > 0`)),
    db.select({ normalized: directorySkills.normalized }).from(directorySkills).where(eq(directorySkills.coopId, coopId)),
  ]);
  const known = new Set(vocabulary.map((v) => v.normalized));
  const free = new Map<string, { label: string; profiles: number }>();
  for (const { skills } of profiles) {
    for (const label of skills) {
      const key = normalizeSearch(label);
      if (known.has(key)) continue;
      const seen = free.get(key);
      if (seen) seen.profiles += 1;
      else free.set(key, { label, profiles: 1 });
    }
  }
  return [...free.values()].sort((a, b) => b.profiles - a.profiles || a.label.localeCompare(b.label, 'fr')).slice(0, 100);
}
