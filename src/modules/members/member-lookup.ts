import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { invalidField } from '../../platform/errors.js';
import { memberDocuments, members } from './schema.js';

/** The member record of a person in a cooperative, if they have one. */
export async function memberIdOfUser(db: Executor, coopId: string, userId: string): Promise<string | null> {
  const [row] = await db.select({ id: members.id }).from(members).where(and(eq(members.coopId, coopId), eq(members.userId, userId)));
  return row?.id ?? null;
}

/** The membership type of a person's member record in a cooperative (null: staff without one): the menu offers salary or invoices to the coop by it. */
export async function membershipTypeOfUser(db: Executor, coopId: string, userId: string): Promise<string | null> {
  const [row] = await db
    .select({ type: members.membershipType })
    .from(members)
    .where(and(eq(members.coopId, coopId), eq(members.userId, userId)));
  return row?.type ?? null;
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

/** What another module prints or checks of a member's own company (an independent invoicing the coop). */
export interface MemberCompanyIdentity {
  id: string;
  name: string;
  email: string;
  userId: string | null;
  /** The member's advisor (staff), the first one to warn about the member. */
  advisorUserId: string | null;
  membershipType: string;
  status: string;
  companyName: string | null;
  siret: string | null;
  address: { line1: string; line2: string | null; postalCode: string; city: string } | null;
}

export async function memberCompanyIdentities(db: Executor, coopId: string, ids: string[]): Promise<Map<string, MemberCompanyIdentity>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select()
    .from(members)
    .where(and(eq(members.coopId, coopId), inArray(members.id, ids)));
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        name: `${r.firstName} ${r.lastName}`,
        email: r.email,
        userId: r.userId,
        advisorUserId: r.advisorUserId,
        membershipType: r.membershipType,
        status: r.status,
        companyName: r.companyName,
        siret: r.siret,
        address: r.addressLine1 && r.postalCode && r.city ? { line1: r.addressLine1, line2: r.addressLine2, postalCode: r.postalCode, city: r.city } : null,
      },
    ]),
  );
}

/**
 * The total revenue a member declared with their latest fiscal statement (the highest year),
 * by member; a member whose latest statement carries none is absent (no ratio to compute).
 */
export async function latestDeclaredRevenues(db: Executor, coopId: string, memberIds: string[]): Promise<Map<string, { year: number; revenueCents: number }>> {
  if (memberIds.length === 0) return new Map();
  const rows = await db
    .selectDistinctOn([memberDocuments.memberId], { memberId: memberDocuments.memberId, year: memberDocuments.year, revenueCents: memberDocuments.declaredRevenueCents })
    .from(memberDocuments)
    .where(and(eq(memberDocuments.coopId, coopId), eq(memberDocuments.kind, 'fiscal_statement'), inArray(memberDocuments.memberId, memberIds)))
    .orderBy(memberDocuments.memberId, desc(memberDocuments.year), desc(memberDocuments.uploadedAt));
  const out = new Map<string, { year: number; revenueCents: number }>();
  for (const r of rows) if (r.year !== null && r.revenueCents !== null) out.set(r.memberId, { year: r.year, revenueCents: r.revenueCents });
  return out;
}

/** Active members of the given membership types (the ones a coop bills, or watches), ids only. */
export async function memberIdsOfTypes(db: Executor, coopId: string, types: string[]): Promise<string[]> {
  if (types.length === 0) return [];
  const rows = await db
    .select({ id: members.id })
    .from(members)
    .where(and(eq(members.coopId, coopId), inArray(members.membershipType, types), inArray(members.status, ['active', 'employee', 'associate', 'in_support', 'leaving'])));
  return rows.map((r) => r.id);
}

/**
 * Where the coop pays members, by id: the name the transfer is addressed to (the company
 * for an independent, else the person) and their IBAN/BIC (null when not given yet).
 */
export async function memberBankDetails(db: Executor, coopId: string, ids: string[]): Promise<Map<string, { name: string; companyName: string | null; iban: string | null; bic: string | null }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: members.id, name: sql<string>`${members.firstName} || ' ' || ${members.lastName}`, companyName: members.companyName, iban: members.iban, bic: members.bic })
    .from(members)
    .where(and(eq(members.coopId, coopId), inArray(members.id, ids)));
  return new Map(rows.map((r) => [r.id, { name: r.name, companyName: r.companyName, iban: r.iban, bic: r.bic }]));
}

/** Name, trades and skills of members of a cooperative, by id: community rituals match people by what they do. */
export async function memberTradeProfiles(db: Executor, coopId: string, ids: string[]): Promise<Map<string, { name: string; trades: string[]; skills: string[]; userId: string | null }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: members.id, name: sql<string>`${members.firstName} || ' ' || ${members.lastName}`, trades: members.trades, skills: members.skills, userId: members.userId })
    .from(members)
    .where(and(eq(members.coopId, coopId), inArray(members.id, [...new Set(ids)])));
  return new Map(rows.map((r) => [r.id, { name: r.name, trades: r.trades, skills: r.skills, userId: r.userId }]));
}
