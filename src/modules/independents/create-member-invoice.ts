import { randomUUID } from 'node:crypto';
import { recordAudit } from '../../platform/audit/record-audit.js';
import { sqlConstraint, sqlState, UNIQUE_VIOLATION, type Db, type Executor } from '../../platform/db/client.js';
import { invalidField } from '../../platform/errors.js';
import type { FileStorage } from '../../platform/files/storage.js';
import type { Actor } from '../../platform/http/context.js';
import { takeNextNumber } from '../../platform/numbering/take-next-number.js';
import { getCoop } from '../coops/index.js';
import { memberCompanyIdentities } from '../members/index.js';
import type { GenerateMemberInvoice, UploadMemberInvoiceFields } from './contract.js';
import { memberInvoiceAmounts, memberInvoiceNumber } from './domain/member-invoice-amounts.js';
import { independentsErrors } from './errors.js';
import { assertWithinJobShare } from './job-shares.js';
import { invoicingMemberAndActivity } from './member-invoice-access.js';
import { memberInvoiceDocument, renderMemberInvoicePdf } from './member-invoice-pdf.js';
import { memberInvoices, type MemberInvoiceRow } from './schema.js';

export interface UploadedPdf {
  fileName: string;
  contentType: string;
  bytes: Buffer;
}

/** The same member's number twice is the same invoice: the coop would pay it twice. */
function asDuplicate(err: unknown): unknown {
  if (sqlState(err) === UNIQUE_VIOLATION && sqlConstraint(err) === 'member_invoices_number_key') {
    return independentsErrors.MEMBER_INVOICE_DUPLICATE([{ path: 'number', message: { fr: 'Ce numéro de facture est déjà enregistré pour ce membre.', en: 'This invoice number is already recorded for this member.' } }]);
  }
  return err;
}

async function insertReceived(tx: Executor, actor: Actor, values: typeof memberInvoices.$inferInsert): Promise<MemberInvoiceRow> {
  const [row] = await tx.insert(memberInvoices).values(values).returning();
  await recordAudit(tx, actor, {
    action: 'member_invoice.received',
    entityType: 'member_invoice',
    entityId: row.id,
    after: { memberId: row.memberId, activityId: row.activityId, number: row.number, issueDate: row.issueDate, netCents: row.netCents, vatCents: row.vatCents, grossCents: row.grossCents, origin: row.origin, sha256: row.sha256 },
  });
  return row;
}

/**
 * Writes the member's invoice to the coop for them: the number is the next of the member's
 * own series of the year (platform numbering, taken after every check so a refusal burns
 * none), the PDF is rendered with the mandatory mentions and stored, and the row is written
 * in the same transaction — a rollback leaves no number used and removes the stored bytes.
 */
export async function generateMemberInvoice(db: Db, storage: FileStorage, actor: Actor, input: GenerateMemberInvoice, today: string): Promise<MemberInvoiceRow> {
  let storedKey: string | null = null;
  try {
    return await db.transaction(async (tx) => {
      const { memberId } = await invoicingMemberAndActivity(tx, actor, input);
      const member = (await memberCompanyIdentities(tx, actor.coopId, [memberId])).get(memberId)!;
      // The seller's identity is a mandatory mention: the member's own company must be known.
      if (!member.companyName || !member.siret) throw invalidField('memberId', { fr: "Renseignez d'abord le nom et le SIRET de l'entreprise du membre (sa fiche).", en: "First fill in the name and SIRET of the member's company (their record)." });
      if (!member.address) throw invalidField('memberId', { fr: "Renseignez d'abord l'adresse du membre (sa fiche).", en: "First fill in the member's address (their record)." });
      if (input.jobId) await assertWithinJobShare(tx, actor.coopId, { jobId: input.jobId, activityId: input.activityId, netCents: input.netCents });
      if (input.serviceDate > today) throw invalidField('serviceDate', { fr: 'La prestation ne peut pas être datée après aujourd’hui.', en: 'The service cannot be dated after today.' });
      const amounts = memberInvoiceAmounts(input.netCents, input.vatRegime, input.vatRateBp);
      const coop = await getCoop(tx, actor.coopId);
      const sequence = await takeNextNumber(tx, { coopId: actor.coopId, series: `member-invoice:${memberId}:${today.slice(0, 4)}` });
      const number = memberInvoiceNumber(today, sequence);
      const doc = memberInvoiceDocument({ ...member, companyName: member.companyName, siret: member.siret, address: member.address }, coop, { ...input, number, issueDate: today });
      const bytes = Buffer.from(await renderMemberInvoicePdf(doc));
      const storageKey = `coops/${actor.coopId}/member-invoices/${memberId}/${randomUUID()}.pdf`;
      const { sha256 } = await storage.put(storageKey, bytes);
      storedKey = storageKey;
      return insertReceived(tx, actor, {
        coopId: actor.coopId,
        memberId,
        activityId: input.activityId,
        number,
        issueDate: today,
        ...amounts,
        vatRegime: input.vatRegime,
        jobId: input.jobId ?? null,
        description: input.description,
        origin: 'generated',
        storageKey,
        sha256,
        fileName: `facture-${number}.pdf`,
        sizeBytes: bytes.length,
        createdBy: actor.userId,
      });
    });
  } catch (err) {
    if (storedKey) await storage.remove(storedKey).catch(() => undefined);
    throw asDuplicate(err);
  }
}

const isPdf = (bytes: Buffer) => bytes.subarray(0, 5).toString('latin1') === '%PDF-';

/**
 * Records an invoice the member wrote themself, with its PDF: the bytes must be a PDF (the
 * declared type is only a claim), stored first under a key nobody chooses, removed again if
 * the row cannot be written (a duplicate number, a refused field).
 */
export async function uploadMemberInvoice(db: Db, storage: FileStorage, actor: Actor, fields: UploadMemberInvoiceFields, file: UploadedPdf, today: string): Promise<MemberInvoiceRow> {
  if (file.contentType !== 'application/pdf' || !isPdf(file.bytes)) throw invalidField('file', { fr: 'La facture doit être un PDF.', en: 'The invoice must be a PDF.' });
  if (fields.issueDate > today) throw invalidField('issueDate', { fr: 'La facture ne peut pas être datée après aujourd’hui.', en: 'The invoice cannot be dated after today.' });
  const amounts = memberInvoiceAmounts(fields.netCents, fields.vatRegime, fields.vatRateBp);
  // Checked before any byte is stored; checked again in the transaction.
  const { memberId } = await invoicingMemberAndActivity(db, actor, fields);
  const storageKey = `coops/${actor.coopId}/member-invoices/${memberId}/${randomUUID()}.pdf`;
  const { sha256 } = await storage.put(storageKey, file.bytes);
  try {
    return await db.transaction(async (tx) => {
      await invoicingMemberAndActivity(tx, actor, fields);
      if (fields.jobId) await assertWithinJobShare(tx, actor.coopId, { jobId: fields.jobId, activityId: fields.activityId, netCents: fields.netCents });
      return insertReceived(tx, actor, {
        coopId: actor.coopId,
        memberId,
        activityId: fields.activityId,
        number: fields.number,
        issueDate: fields.issueDate,
        ...amounts,
        vatRegime: fields.vatRegime,
        jobId: fields.jobId ?? null,
        description: fields.description,
        origin: 'uploaded',
        storageKey,
        sha256,
        fileName: file.fileName.slice(0, 255),
        sizeBytes: file.bytes.length,
        createdBy: actor.userId,
      });
    });
  } catch (err) {
    await storage.remove(storageKey).catch(() => undefined);
    throw asDuplicate(err);
  }
}
