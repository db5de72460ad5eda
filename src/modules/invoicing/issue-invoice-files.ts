import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { and, asc, eq } from 'drizzle-orm';
import { recordAudit, type AuditActor } from '../../platform/audit/record-audit.js';
import type { Db, Executor } from '../../platform/db/client.js';
import type { FileStorage } from '../../platform/files/storage.js';
import { computeTotals, renderDocumentPdf, toCrossIndustryInvoice, totalsLineOf, type FrozenParties, type InvoiceDocument } from '../documents/index.js';
import { invoiceErrors } from './errors.js';
import { documentOf } from './issue-document.js';
import { visibleInvoice, type Viewer } from './invoice-access.js';
import { invoiceFiles, invoiceLines, invoices, type InvoiceFileKind, type InvoiceRow } from './schema.js';

/**
 * One PDF/A-3 with factur-x.xml inside is both what the client reads and the e-invoice: a
 * separate plain PDF would be a second "original" of the same invoice with another hash,
 * a second thing to keep consistent, and no better for the reader (any viewer opens the
 * PDF/A-3 the same way). The bare XML is stored too, for platforms that take only the CII.
 */
export const STORED_KINDS = ['factur_x_pdf', 'xml'] as const satisfies readonly InvoiceFileKind[];
export type StoredKind = (typeof STORED_KINDS)[number];

export interface StoredInvoiceFile {
  kind: StoredKind;
  sha256: string;
  size: number;
  bytes: Buffer;
}

const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const storageKeyOf = (coopId: string, invoiceId: string, kind: InvoiceFileKind) => `coops/${coopId}/invoices/${invoiceId}/${kind}`;

async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

/** The document exactly as it was issued: the frozen parties and the frozen lines, never today's client record. */
export async function issuedDocumentOf(db: Executor, row: InvoiceRow): Promise<InvoiceDocument> {
  if (row.status === 'draft' || !row.number || !row.issueDate || !row.mentions) throw invoiceErrors.INVOICE_DRAFT_HAS_NO_FILE();
  const lines = await db
    .select()
    .from(invoiceLines)
    .where(and(eq(invoiceLines.coopId, row.coopId), eq(invoiceLines.invoiceId, row.id)))
    .orderBy(asc(invoiceLines.position));
  const totals = computeTotals({ lines: lines.map(totalsLineOf) });
  return documentOf(row, lines, row.mentions as unknown as FrozenParties, totals, { number: row.number, issueDate: row.issueDate, dueDate: row.dueDate });
}

/**
 * Renders the files of an issued document. Same frozen row, same bytes (the renderer reads
 * no clock: the PDF is dated by the validation instant), which is what lets a later render
 * be checked against the hash stored the first time.
 */
async function renderFiles(db: Executor, row: InvoiceRow): Promise<Record<StoredKind, Buffer>> {
  const doc = await issuedDocumentOf(db, row);
  const pdf = await renderDocumentPdf(doc, { facturX: true, ...(row.validatedAt ? { producedAt: row.validatedAt } : {}) });
  return { factur_x_pdf: Buffer.from(pdf), xml: Buffer.from(toCrossIndustryInvoice(doc), 'utf8') };
}

/** Writes bytes under a key; bytes already there from an earlier attempt are kept if they are the same. */
async function putOnce(storage: FileStorage, key: string, bytes: Buffer): Promise<void> {
  try {
    await storage.put(key, bytes);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    const existing = await storage.read(key);
    if (!existing || sha256Of(await bytesOf(existing)) !== sha256Of(bytes)) throw new Error(`storage key ${key} holds other bytes than the issued invoice`);
  }
}

/**
 * Renders, stores and hashes the PDF/A-3 Factur-X and the XML of an issued invoice or credit
 * note, once. Runs after the validation has committed, outside its transaction: the series
 * lock is held only for the number and the entry, and a failed rendering never undoes an
 * issued number (the files are then made on first download). Idempotent: the first hash
 * recorded wins, and a later call finding other bytes refuses rather than replace them.
 */
export async function issueInvoiceFiles(db: Db, storage: FileStorage, actor: AuditActor, invoiceId: string): Promise<Map<StoredKind, { sha256: string; size: number; storageKey: string }>> {
  const [row] = await db.select().from(invoices).where(and(eq(invoices.coopId, actor.coopId), eq(invoices.id, invoiceId)));
  if (!row) throw invoiceErrors.INVOICE_NOT_FOUND();
  return storeFiles(db, storage, actor, row);
}

async function storeFiles(db: Db, storage: FileStorage, actor: AuditActor, row: InvoiceRow) {
  const existing = await storedRowsOf(db, row);
  if (STORED_KINDS.every((k) => existing.has(k))) return existing;
  const rendered = await renderFiles(db, row);
  const fresh = STORED_KINDS.filter((kind) => !existing.has(kind)).map((kind) => ({
    coopId: row.coopId,
    invoiceId: row.id,
    kind,
    sha256: sha256Of(rendered[kind]),
    size: rendered[kind].length,
    storageKey: storageKeyOf(row.coopId, row.id, kind),
  }));
  for (const file of fresh) await putOnce(storage, file.storageKey, rendered[file.kind]);
  await db.transaction(async (tx) => {
    const inserted = await tx.insert(invoiceFiles).values(fresh).onConflictDoNothing().returning();
    if (inserted.length === 0) return;
    await recordAudit(tx, actor, {
      action: row.kind === 'credit_note' ? 'credit_note.files_stored' : 'invoice.files_stored',
      entityType: 'invoice',
      entityId: row.id,
      after: Object.fromEntries(inserted.map((f) => [f.kind, { sha256: f.sha256, size: f.size }])),
    });
  });
  const stored = await storedRowsOf(db, row);
  for (const file of fresh) {
    if (stored.get(file.kind)?.sha256 !== file.sha256) throw new Error(`invoice ${row.id}: ${file.kind} rendered with another hash than the stored one`);
  }
  return stored;
}

async function storedRowsOf(db: Executor, row: Pick<InvoiceRow, 'coopId' | 'id'>) {
  const rows = await db
    .select()
    .from(invoiceFiles)
    .where(and(eq(invoiceFiles.coopId, row.coopId), eq(invoiceFiles.invoiceId, row.id)));
  return new Map(rows.filter((r): r is typeof r & { kind: StoredKind } => r.kind !== 'pdf').map((r) => [r.kind, { sha256: r.sha256, size: r.size, storageKey: r.storageKey }]));
}

/**
 * A stored file of an issued document the person may see (404 otherwise, 409 for a draft),
 * made on this first request if the rendering after validation did not happen. The bytes
 * served are the stored ones, checked against their recorded SHA-256; lost bytes are
 * rendered again and accepted only if they hash the same.
 */
export async function openInvoiceFile(
  db: Db,
  storage: FileStorage,
  actor: Viewer & AuditActor,
  invoiceId: string,
  kind: StoredKind,
): Promise<{ number: string; file: StoredInvoiceFile }> {
  const row = await visibleInvoice(db, actor, invoiceId);
  if (row.status === 'draft' || !row.number) throw invoiceErrors.INVOICE_DRAFT_HAS_NO_FILE();
  const stored = (await storeFiles(db, storage, actor, row)).get(kind)!;
  const stream = await storage.read(stored.storageKey);
  let bytes = stream ? await bytesOf(stream) : null;
  if (!bytes) {
    bytes = (await renderFiles(db, row))[kind];
    if (sha256Of(bytes) !== stored.sha256) throw new Error(`invoice ${row.id}: ${kind} is lost and renders differently now`);
    await putOnce(storage, stored.storageKey, bytes);
  }
  if (sha256Of(bytes) !== stored.sha256) throw new Error(`invoice ${row.id}: stored ${kind} does not match its SHA-256`);
  return { number: row.number, file: { kind, sha256: stored.sha256, size: stored.size, bytes } };
}
