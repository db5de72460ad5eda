import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { invalidField } from '../../platform/errors.js';
import { members } from './schema.js';

/** The member record of a person in a cooperative, if they have one. */
export async function memberIdOfUser(db: Executor, coopId: string, userId: string): Promise<string | null> {
  const [row] = await db.select({ id: members.id }).from(members).where(and(eq(members.coopId, coopId), eq(members.userId, userId)));
  return row?.id ?? null;
}

/** Display names ("First Last") of members of a cooperative, by id. */
export async function memberNames(db: Executor, coopId: string, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: members.id, name: sql<string>`${members.firstName} || ' ' || ${members.lastName}` })
    .from(members)
    .where(and(eq(members.coopId, coopId), inArray(members.id, ids)));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Name and e-mail address of members of a cooperative, by id: to write to them about their activity. */
export async function memberContacts(db: Executor, coopId: string, ids: string[]): Promise<Map<string, { name: string; email: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: members.id, name: sql<string>`${members.firstName} || ' ' || ${members.lastName}`, email: members.email })
    .from(members)
    .where(and(eq(members.coopId, coopId), inArray(members.id, ids)));
  return new Map(rows.map((r) => [r.id, { name: r.name, email: r.email }]));
}

/** Throws a 400 on `field` unless every id is a member of the cooperative. */
export async function assertMembersExist(db: Executor, coopId: string, ids: string[], field = 'memberIds'): Promise<void> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return;
  const found = await memberNames(db, coopId, unique);
  if (found.size !== unique.length) {
    throw invalidField(field, { fr: 'Membre inconnu dans cette coopérative.', en: 'Unknown member in this cooperative.' });
  }
}

/** The accounts linked to members of a cooperative, by member id (members without one are left out). */
export async function userIdsOfMembers(db: Executor, coopId: string, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: members.id, userId: members.userId })
    .from(members)
    .where(and(eq(members.coopId, coopId), inArray(members.id, [...new Set(ids)])));
  return new Map(rows.flatMap((r) => (r.userId ? [[r.id, r.userId] as const] : [])));
}
