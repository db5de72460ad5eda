import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db } from '../../platform/db/client.js';
import { invalidField } from '../../platform/errors.js';
import { unreadableFile } from '../../platform/files/file-errors.js';
import type { FileStorage } from '../../platform/files/storage.js';
import { isStaff, type Actor } from '../../platform/http/context.js';
import type { DocumentFields, MemberDocument } from './contract.js';
import { acceptedTypesOf, bytesMatchType, SELF_UPLOAD_KINDS } from './domain/documents.js';
import { memberErrors } from './errors.js';
import { documentsOf } from './get-member.js';
import { visibleMember } from './member-access.js';
import { memberDocuments, type MemberRow } from './schema.js';

export interface UploadedFile {
  fileName: string;
  contentType: string;
  bytes: Buffer;
}

const toDocument = (row: typeof memberDocuments.$inferSelect): MemberDocument => ({
  id: row.id,
  kind: row.kind,
  title: row.title,
  fileName: row.fileName,
  contentType: row.contentType,
  sizeBytes: row.sizeBytes,
  sha256: row.sha256,
  signedOn: row.signedOn,
  year: row.year,
  declaredRevenueCents: row.declaredRevenueCents,
  uploadedBy: row.uploadedBy,
  uploadedAt: row.uploadedAt,
});

export async function listMemberDocuments(db: Db, actor: Actor, memberId: string): Promise<MemberDocument[]> {
  await visibleMember(db, actor, memberId);
  return documentsOf(db, actor.coopId, memberId);
}

/** Checks an upload fully before any byte is stored. */
function assertAcceptable(actor: Actor, fields: DocumentFields, file: UploadedFile): void {
  if (!isStaff(actor) && !SELF_UPLOAD_KINDS.includes(fields.kind)) {
    throw invalidField('kind', { fr: 'Les contrats sont déposés par l’équipe de la coopérative.', en: "Contracts are filed by the cooperative's staff." });
  }
  if ((fields.kind === 'fiscal_statement' || fields.kind === 'balance_sheet') && fields.year === undefined) {
    throw invalidField('year', { fr: "Indiquez l'exercice concerné.", en: 'Give the fiscal year it covers.' });
  }
  if (fields.declaredRevenueCents !== undefined && fields.kind !== 'fiscal_statement') {
    throw invalidField('declaredRevenueCents', { fr: "Le chiffre d'affaires se déclare avec une déclaration fiscale.", en: 'The revenue is declared with a fiscal statement.' });
  }
  const accepted = acceptedTypesOf(fields.kind);
  if (!accepted.includes(file.contentType)) {
    throw invalidField('file', {
      fr: fields.kind === 'contract' ? 'Formats acceptés : PDF, PNG, JPEG, DOCX ou ODT.' : 'Formats acceptés : PDF, PNG ou JPEG.',
      en: fields.kind === 'contract' ? 'Accepted formats: PDF, PNG, JPEG, DOCX or ODT.' : 'Accepted formats: PDF, PNG or JPEG.',
    });
  }
  if (!bytesMatchType(file.bytes, file.contentType)) {
    throw invalidField('file', { fr: "Le contenu du fichier ne correspond pas à son type déclaré.", en: 'The content of the file does not match its declared type.' });
  }
}

/**
 * Files a document in a member's record. The bytes are stored first, under a key nobody can
 * choose, then the row is written; if the transaction fails the stored bytes are removed.
 */
export async function addMemberDocument(db: Db, storage: FileStorage, actor: Actor, memberId: string, fields: DocumentFields, file: UploadedFile): Promise<MemberDocument> {
  await visibleMember(db, actor, memberId);
  assertAcceptable(actor, fields, file);
  const storageKey = `coops/${actor.coopId}/members/${memberId}/${randomUUID()}`;
  const { sha256 } = await storage.put(storageKey, file.bytes);
  try {
    return await db.transaction(async (tx) => {
      await visibleMember(tx, actor, memberId);
      const [row] = await tx
        .insert(memberDocuments)
        .values({
          coopId: actor.coopId,
          memberId,
          kind: fields.kind,
          title: fields.title,
          fileName: file.fileName.slice(0, 255),
          contentType: file.contentType,
          sizeBytes: file.bytes.length,
          sha256,
          storageKey,
          signedOn: fields.signedOn ?? null,
          year: fields.year ?? null,
          declaredRevenueCents: fields.declaredRevenueCents ?? null,
          uploadedBy: actor.userId,
        })
        .returning();
      await recordAudit(tx, actor, { action: 'member.document_added', entityType: 'member', entityId: memberId, after: { documentId: row.id, kind: row.kind, title: row.title, sha256 } });
      return toDocument(row);
    });
  } catch (err) {
    await storage.remove(storageKey).catch(() => undefined);
    throw err;
  }
}

async function visibleDocument(db: Db, actor: Actor, member: MemberRow, documentId: string) {
  const [row] = await db
    .select()
    .from(memberDocuments)
    .where(and(eq(memberDocuments.coopId, actor.coopId), eq(memberDocuments.memberId, member.id), eq(memberDocuments.id, documentId)));
  if (!row) throw memberErrors.DOCUMENT_NOT_FOUND();
  return row;
}

/** The stored bytes of a document the actor may see, checked against the SHA-256 taken at upload. */
export async function openMemberDocument(db: Db, storage: FileStorage, actor: Actor, memberId: string, documentId: string): Promise<{ document: MemberDocument; content: Buffer }> {
  const member = await visibleMember(db, actor, memberId);
  const row = await visibleDocument(db, actor, member, documentId);
  const read = await storage.read(row.storageKey, row);
  // A row whose bytes are gone (a restore without the files folder) reads as not found; bytes
  // that are not the uploaded ones (a signed charter changed on disk) are refused.
  if (!read.ok) throw read.problem === 'missing' ? memberErrors.DOCUMENT_NOT_FOUND() : unreadableFile(read.problem);
  return { document: toDocument(row), content: read.bytes };
}

/** Removes a document; the bytes go only once the removal is committed, so a rollback loses nothing. */
export async function deleteMemberDocument(db: Db, storage: FileStorage, actor: Actor, memberId: string, documentId: string): Promise<void> {
  const storageKey = await db.transaction(async (tx) => {
    const member = await visibleMember(tx, actor, memberId);
    const [row] = await tx
      .delete(memberDocuments)
      .where(and(eq(memberDocuments.coopId, actor.coopId), eq(memberDocuments.memberId, member.id), eq(memberDocuments.id, documentId)))
      .returning();
    if (!row) throw memberErrors.DOCUMENT_NOT_FOUND();
    await recordAudit(tx, actor, { action: 'member.document_deleted', entityType: 'member', entityId: memberId, before: { documentId: row.id, kind: row.kind, title: row.title, sha256: row.sha256 } });
    return row.storageKey;
  });
  await storage.remove(storageKey);
}
