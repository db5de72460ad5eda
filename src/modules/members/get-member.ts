import { and, asc, desc, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import type { MemberDetail, MemberDocument } from './contract.js';
import type { MemberStatus } from './domain/lifecycle.js';
import { memberErrors } from './errors.js';
import { toListItem } from './list-members.js';
import { visibleMember } from './member-access.js';
import { memberDocuments, members, memberStatusChanges, type MemberRow } from './schema.js';
import { userNames } from './user-names.js';

/** While a member is leaving, the status they held before giving notice (to withdraw it). */
export async function statusBeforeLeaving(db: Executor, row: Pick<MemberRow, 'coopId' | 'id' | 'status'>): Promise<MemberStatus | null> {
  if (row.status !== 'leaving') return null;
  const [last] = await db
    .select({ fromStatus: memberStatusChanges.fromStatus })
    .from(memberStatusChanges)
    .where(and(eq(memberStatusChanges.coopId, row.coopId), eq(memberStatusChanges.memberId, row.id), eq(memberStatusChanges.toStatus, 'leaving')))
    .orderBy(desc(memberStatusChanges.at), desc(memberStatusChanges.id))
    .limit(1);
  return last?.fromStatus ?? null;
}

export async function documentsOf(db: Executor, coopId: string, memberId: string): Promise<MemberDocument[]> {
  return db
    .select({
      id: memberDocuments.id,
      kind: memberDocuments.kind,
      title: memberDocuments.title,
      fileName: memberDocuments.fileName,
      contentType: memberDocuments.contentType,
      sizeBytes: memberDocuments.sizeBytes,
      sha256: memberDocuments.sha256,
      signedOn: memberDocuments.signedOn,
      year: memberDocuments.year,
      declaredRevenueCents: memberDocuments.declaredRevenueCents,
      uploadedBy: memberDocuments.uploadedBy,
      uploadedAt: memberDocuments.uploadedAt,
    })
    .from(memberDocuments)
    .where(and(eq(memberDocuments.coopId, coopId), eq(memberDocuments.memberId, memberId)))
    .orderBy(desc(memberDocuments.uploadedAt), asc(memberDocuments.id));
}

/** A member's record with the history of their status and their documents. */
export async function detailOf(db: Executor, row: MemberRow): Promise<MemberDetail> {
  const history = await db
    .select()
    .from(memberStatusChanges)
    .where(and(eq(memberStatusChanges.coopId, row.coopId), eq(memberStatusChanges.memberId, row.id)))
    .orderBy(asc(memberStatusChanges.at), asc(memberStatusChanges.id));
  const names = await userNames(db, [row.advisorUserId, ...history.map((h) => h.byUserId)]);
  const nameOf = (id: string | null) => (id ? (names.get(id) ?? null) : null);
  return {
    ...toListItem(row, nameOf(row.advisorUserId)),
    userId: row.userId,
    phone: row.phone,
    trades: row.trades,
    bio: row.bio,
    addressLine1: row.addressLine1,
    addressLine2: row.addressLine2,
    postalCode: row.postalCode,
    city: row.city,
    siret: row.siret,
    iban: row.iban,
    bic: row.bic,
    supportStartDate: row.supportStartDate,
    supportEndDate: row.supportEndDate,
    employmentStartDate: row.employmentStartDate,
    associateSince: row.associateSince,
    noticeDate: row.noticeDate,
    leavingDate: row.leavingDate,
    statusBeforeLeaving: await statusBeforeLeaving(db, row),
    updatedAt: row.updatedAt,
    history: history.map((h) => ({ id: h.id, fromStatus: h.fromStatus, toStatus: h.toStatus, effectiveDate: h.effectiveDate, note: h.note, byUserId: h.byUserId, byName: nameOf(h.byUserId), at: h.at })),
    documents: await documentsOf(db, row.coopId, row.id),
  };
}

export async function getMember(db: Executor, actor: Actor, memberId: string): Promise<MemberDetail> {
  return detailOf(db, await visibleMember(db, actor, memberId));
}

/** The member record of the logged-in person. */
export async function getMyMember(db: Executor, actor: Actor): Promise<MemberDetail> {
  const [row] = await db.select().from(members).where(and(eq(members.coopId, actor.coopId), eq(members.userId, actor.userId)));
  if (!row) throw memberErrors.MEMBER_NOT_FOUND();
  return detailOf(db, row);
}
