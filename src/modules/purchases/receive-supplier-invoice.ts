import { and, eq } from 'drizzle-orm';
import { recordAudit, type AuditActor } from '../../platform/audit/record-audit.js';
import type { Db, Executor } from '../../platform/db/client.js';
import { AppError, invalidField } from '../../platform/errors.js';
import { sha256Of, type FileStorage } from '../../platform/files/storage.js';
import { activitySummaries } from '../activities/index.js';
import { getCoop } from '../coops/index.js';
import { extractEmbeddedInvoiceXml, receivedFileKind } from './domain/extract-factur-x.js';
import { acceptanceProblem, readEInvoice, type EInvoiceProblem, type ReadEInvoice } from './domain/read-e-invoice.js';
import { recordLifecycleStatus } from './lifecycle-connector.js';
import { defaultPurchaseCategory } from './purchase-categories.js';
import { supplierOfSeller } from './manage-suppliers.js';
import { supplierInvoiceLines, supplierInvoices, type SupplierInvoiceRow } from './schema.js';

export interface ReceivedFile {
  fileName: string;
  bytes: Buffer;
}

const refused = (p: EInvoiceProblem) => invalidField('file', { fr: `${p.rule} : ${p.fr}`, en: `${p.rule}: ${p.en}` });

/** The invoice XML of a received file (a Factur-X/ZUGFeRD PDF, or CII / UBL XML), judged by its content. */
async function invoiceXmlOf(file: ReceivedFile): Promise<{ xml: string; format: 'facturx' | 'xml'; mediaType: string }> {
  const kind = receivedFileKind(file.bytes);
  if (kind === 'xml') return { xml: file.bytes.toString('utf8'), format: 'xml', mediaType: 'application/xml' };
  if (kind === 'other') throw refused({ rule: 'FORMAT', fr: "Ce fichier n'est ni un PDF Factur-X ni une facture XML (CII ou UBL).", en: 'This file is neither a Factur-X PDF nor an XML invoice (CII or UBL).' });
  let embedded: Awaited<ReturnType<typeof extractEmbeddedInvoiceXml>>;
  try {
    embedded = await extractEmbeddedInvoiceXml(file.bytes);
  } catch {
    throw refused({ rule: 'PDF', fr: 'PDF illisible.', en: 'Unreadable PDF.' });
  }
  if (!embedded) throw refused({ rule: 'FACTUR-X', fr: "Ce PDF ne contient pas de facture XML (factur-x.xml, zugferd-invoice.xml ou xrechnung.xml) : ce n'est pas une facture électronique.", en: 'This PDF embeds no invoice XML (factur-x.xml, zugferd-invoice.xml or xrechnung.xml): it is not an e-invoice.' });
  return { xml: embedded.xml, format: 'facturx', mediaType: 'application/pdf' };
}

const frenchDate = (d: Date) => d.toISOString().slice(0, 10).split('-').reverse().join('/');
function duplicate(receivedAt: Date, why: 'file' | 'number'): AppError {
  const when = frenchDate(receivedAt);
  const fr = why === 'file' ? `Ce fichier a déjà été reçu le ${when}.` : `Cette facture (même fournisseur, même numéro, même année) a déjà été reçue le ${when}.`;
  const en = why === 'file' ? `This file was already received on ${receivedAt.toISOString().slice(0, 10)}.` : `This invoice (same supplier, same number, same year) was already received on ${receivedAt.toISOString().slice(0, 10)}.`;
  return new AppError('SUPPLIER_INVOICE_DUPLICATE', 'conflict', { fr, en });
}

/** Positive amounts and the lines as booked: document-level allowances and charges become a line of their own. */
function bookedAmounts(inv: ReadEInvoice) {
  const t = inv.totals;
  if (t.netCents < 0 || t.vatCents < 0 || t.grossCents <= 0) {
    throw refused({ rule: 'AMOUNTS', fr: 'Totaux négatifs ou nuls : un avoir doit être envoyé comme avoir (381).', en: 'Negative or zero totals: a credit must come as a credit note (381).' });
  }
  if (t.grossCents > 100_000_000 || t.netCents > 100_000_000) throw refused({ rule: 'AMOUNTS', fr: 'Montant trop élevé (1 000 000 € au plus).', en: 'Amount too large (1,000,000 € at most).' });
  if (inv.lines.length > 998) throw refused({ rule: 'LINES', fr: '998 lignes au plus.', en: '998 lines at most.' });
  const lines = inv.lines.map((l, i) => ({ position: i + 1, label: (l.label || `Ligne ${l.id}`).slice(0, 300), netCents: l.netCents, vatRateBp: l.vatRateBp ?? 0, vatCents: Math.round((l.netCents * (l.vatRateBp ?? 0)) / 10000) }));
  const adjustment = t.chargesCents - t.allowancesCents;
  if (adjustment !== 0) lines.push({ position: lines.length + 1, label: adjustment > 0 ? 'Frais du document' : 'Remises du document', netCents: adjustment, vatRateBp: 0, vatCents: 0 });
  return { netCents: t.netCents, vatCents: t.vatCents, grossCents: t.grossCents, lines };
}

/**
 * Receives a supplier's e-invoice (uploaded by staff, or pushed by a platform with a token):
 * reads it, refuses what a buyer must not book (the rule it breaks, another currency, another
 * buyer), refuses the same invoice twice (the same file, or the same supplier, number and
 * year: 409 saying when it came), keeps the file with its hash, and records it as Reçue. The
 * duplicate checks run again as unique keys inside the transaction: two pushes at once
 * cannot both land.
 */
export async function receiveSupplierInvoice(db: Db, storage: FileStorage, actor: AuditActor, file: ReceivedFile, opts: { origin: 'upload' | 'api'; activityId?: string | null }): Promise<SupplierInvoiceRow> {
  const { xml, format, mediaType } = await invoiceXmlOf(file);
  const read = readEInvoice(xml);
  if (!read.ok) throw refused(read.problem);
  const inv = read.invoice;
  const coop = await getCoop(db, actor.coopId);
  const notOurs = acceptanceProblem(inv, { siren: coop.siren || null, vatNumber: coop.vatNumber || null });
  if (notOurs) throw refused(notOurs);
  const amounts = bookedAmounts(inv);
  if (opts.activityId) {
    const activity = (await activitySummaries(db, actor.coopId, [opts.activityId])).get(opts.activityId);
    if (!activity) throw invalidField('activityId', { fr: 'Activité inconnue.', en: 'Unknown activity.' });
  }
  const sha256 = sha256Of(file.bytes);
  try {
    return await db.transaction(async (tx) => {
      const [sameFile] = await tx.select({ receivedAt: supplierInvoices.receivedAt }).from(supplierInvoices).where(and(eq(supplierInvoices.coopId, actor.coopId), eq(supplierInvoices.sha256, sha256)));
      if (sameFile) throw duplicate(sameFile.receivedAt, 'file');
      const supplier = await supplierOfSeller(tx, actor, inv.seller, { iban: inv.payeeIban, bic: inv.payeeBic });
      const year = Number(inv.issueDate.slice(0, 4));
      await assertNotReceived(tx, actor.coopId, supplier.id, inv.number, year);
      const id = crypto.randomUUID();
      const storageKey = `purchases/${actor.coopId}/${id}.${mediaType === 'application/pdf' ? 'pdf' : 'xml'}`;
      await storage.put(storageKey, file.bytes);
      const [row] = await tx
        .insert(supplierInvoices)
        .values({
          coopId: actor.coopId,
          id,
          supplierId: supplier.id,
          activityId: opts.activityId ?? null,
          kind: inv.kind,
          typeCode: inv.typeCode,
          number: inv.number.slice(0, 100),
          issueDate: inv.issueDate,
          issueYear: year,
          dueDate: inv.dueDate,
          netCents: amounts.netCents,
          vatCents: amounts.vatCents,
          grossCents: amounts.grossCents,
          payeeIban: inv.payeeIban?.slice(0, 34) ?? supplier.iban,
          payeeBic: inv.payeeBic?.slice(0, 11) ?? supplier.bic,
          origin: opts.origin,
          format: format === 'facturx' ? 'facturx' : inv.syntax,
          storageKey,
          sha256,
          fileName: file.fileName.slice(0, 255),
          mediaType,
          readModel: inv,
          createdBy: actor.userId,
        })
        .returning();
      // The file names no account: each line starts on the neutral default category, changed by staff before approving.
      const category = await defaultPurchaseCategory(tx, actor.coopId);
      await tx.insert(supplierInvoiceLines).values(amounts.lines.map((l) => ({ coopId: actor.coopId, invoiceId: id, ...l, spendingCategoryId: category?.id ?? null, account: category?.account ?? null })));
      await recordLifecycleStatus(tx, { coopId: actor.coopId, invoiceId: id, status: 'received', by: actor.userId });
      await recordAudit(tx, actor, {
        action: 'supplier_invoice.received',
        entityType: 'supplier_invoice',
        entityId: id,
        after: { number: row!.number, supplierId: supplier.id, supplierName: supplier.name, grossCents: row!.grossCents, activityId: row!.activityId, origin: opts.origin, sha256 },
      });
      return row!;
    });
  } catch (err) {
    const code = (err as { code?: string }).code ?? (err as { cause?: { code?: string } }).cause?.code;
    if (code === '23505') throw duplicate(new Date(), 'number');
    throw err;
  }
}

async function assertNotReceived(tx: Executor, coopId: string, supplierId: string, number: string, year: number): Promise<void> {
  const [same] = await tx
    .select({ receivedAt: supplierInvoices.receivedAt })
    .from(supplierInvoices)
    .where(and(eq(supplierInvoices.coopId, coopId), eq(supplierInvoices.supplierId, supplierId), eq(supplierInvoices.number, number.slice(0, 100)), eq(supplierInvoices.issueYear, year)));
  if (same) throw duplicate(same.receivedAt, 'number');
}
