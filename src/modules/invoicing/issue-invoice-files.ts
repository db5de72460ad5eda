import { and, asc, eq } from 'drizzle-orm';
import { recordAudit, type AuditActor } from '../../platform/audit/record-audit.js';
import type { Db, Executor } from '../../platform/db/client.js';
import { unreadableFile } from '../../platform/files/file-errors.js';
import { sha256Of, type FileStorage } from '../../platform/files/storage.js';
import { computeTotals, renderDocumentPdf, toCrossIndustryInvoice, totalsLineOf, type FrozenParties, type InvoiceDocument } from '../documents/index.js';
import { invoiceErrors } from './errors.js';
import { documentOf, prepaidCentsOf } from './issue-document.js';
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

const storageKeyOf = (coopId: string, invoiceId: string, kind: InvoiceFileKind) => `coops/${coopId}/invoices/${invoiceId}/${kind}`;

/** The document exactly as it was issued: the frozen parties and the frozen lines, never today's client record. */
export async function issuedDocumentOf(db: Executor, row: InvoiceRow): Promise<InvoiceDocument> {
  if (row.status === 'draft' || !row.number || !row.issueDate || !row.mentions) throw invoiceErrors.INVOICE_DRAFT_HAS_NO_FILE();
  const lines = await db
    .select()
    .from(invoiceLines)
    .where(and(eq(invoiceLines.coopId, row.coopId), eq(invoiceLines.invoiceId, row.id)))
    .orderBy(asc(invoiceLines.position));
  const totals = computeTotals({ lines: lines.map(totalsLineOf), prepaidCents: prepaidCentsOf(row) });
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

/** Where an error of a file no render can mend is told: the person gets a clean 409, the log the details. */
export interface FilesLog {
  error(obj: object, msg: string): void;
}

interface StoredRow {
  sha256: string;
  size: number;
  storageKey: string;
}

/**
 * Makes sure the files of an issued invoice or credit note are stored, recorded and whole,
 * and returns their bytes. Runs in the render job queued by the validation, and again on
 * every download or sending (a download before the job has run renders them itself: the same
 * frozen row gives the same bytes, so whoever stores first, the hash is the same).
 *
 * The first hash recorded wins. A stored file that fails it (missing, truncated by a crash,
 * emptied, altered) is rendered again from the frozen data: if the new bytes have the
 * recorded hash they replace the bad file and the repair is audited; if not, the file cannot
 * be mended here and a clean error says so (the bytes issued are never replaced by others).
 */
export async function issueInvoiceFiles(db: Db, storage: FileStorage, actor: AuditActor, invoiceId: string, log: FilesLog): Promise<Map<StoredKind, StoredInvoiceFile & { storageKey: string }>> {
  const [row] = await db.select().from(invoices).where(and(eq(invoices.coopId, actor.coopId), eq(invoices.id, invoiceId)));
  if (!row) throw invoiceErrors.INVOICE_NOT_FOUND();
  return storeFiles(db, storage, actor, row, log);
}

async function storeFiles(db: Db, storage: FileStorage, actor: AuditActor, row: InvoiceRow, log: FilesLog) {
  let rendered: Record<StoredKind, Buffer> | null = null;
  const render = async () => (rendered ??= await renderFiles(db, row));
  const fresh = new Set<StoredKind>();
  let stored = await storedRowsOf(db, row);
  if (!STORED_KINDS.every((k) => stored.has(k))) {
    const bytes = await render();
    const files: (typeof invoiceFiles.$inferInsert & { kind: StoredKind; sha256: string })[] = [];
    for (const kind of STORED_KINDS.filter((k) => !stored.has(k))) {
      const storageKey = storageKeyOf(row.coopId, row.id, kind);
      // Atomic and replacing: a partial file left by a crash before the hash was recorded goes.
      const { sha256, size } = await storage.put(storageKey, bytes[kind]);
      files.push({ coopId: row.coopId, invoiceId: row.id, kind, sha256, size, storageKey });
      fresh.add(kind);
    }
    await db.transaction(async (tx) => {
      const inserted = await tx.insert(invoiceFiles).values(files).onConflictDoNothing().returning();
      if (inserted.length === 0) return;
      await recordAudit(tx, actor, {
        action: row.kind === 'credit_note' ? 'credit_note.files_stored' : 'invoice.files_stored',
        entityType: 'invoice',
        entityId: row.id,
        after: Object.fromEntries(inserted.map((f) => [f.kind, { sha256: f.sha256, size: f.size }])),
      });
    });
    stored = await storedRowsOf(db, row);
    for (const file of files) {
      if (stored.get(file.kind)?.sha256 !== file.sha256) throw new Error(`invoice ${row.id}: ${file.kind} rendered with another hash than the stored one`);
    }
  }
  const out = new Map<StoredKind, StoredInvoiceFile & { storageKey: string }>();
  for (const kind of STORED_KINDS) {
    const file = stored.get(kind)!;
    if (fresh.has(kind)) {
      out.set(kind, { kind, ...file, bytes: rendered![kind] });
      continue;
    }
    const read = await storage.read(file.storageKey, file);
    out.set(kind, { kind, ...file, bytes: read.ok ? read.bytes : await repairFile(db, storage, actor, row, kind, file, read.problem, render, log) });
  }
  return out;
}

/** A stored file that failed its hash check, rendered again and put back if the bytes are the issued ones. */
async function repairFile(
  db: Db,
  storage: FileStorage,
  actor: AuditActor,
  row: InvoiceRow,
  kind: StoredKind,
  file: StoredRow,
  problem: 'missing' | 'altered',
  render: () => Promise<Record<StoredKind, Buffer>>,
  log: FilesLog,
): Promise<Buffer> {
  const bytes = (await render())[kind];
  if (sha256Of(bytes) !== file.sha256) {
    log.error({ invoiceId: row.id, coopId: row.coopId, kind, problem, recorded: file.sha256, rendered: sha256Of(bytes) }, 'stored invoice file failed its hash check and renders differently now: restore it from a backup');
    throw unreadableFile(problem);
  }
  await storage.put(file.storageKey, bytes);
  await recordAudit(db, actor, {
    action: row.kind === 'credit_note' ? 'credit_note.file_repaired' : 'invoice.file_repaired',
    entityType: 'invoice',
    entityId: row.id,
    after: { kind, problem, sha256: file.sha256, size: file.size },
  });
  return bytes;
}

async function storedRowsOf(db: Executor, row: Pick<InvoiceRow, 'coopId' | 'id'>): Promise<Map<StoredKind, StoredRow>> {
  const rows = await db
    .select()
    .from(invoiceFiles)
    .where(and(eq(invoiceFiles.coopId, row.coopId), eq(invoiceFiles.invoiceId, row.id)));
  return new Map(rows.filter((r): r is typeof r & { kind: StoredKind } => r.kind !== 'pdf').map((r) => [r.kind, { sha256: r.sha256, size: r.size, storageKey: r.storageKey }]));
}

/**
 * A stored file of an issued document the person may see (404 otherwise, 409 for a draft),
 * made on this request if the render job has not run yet, mended if its bytes fail their
 * recorded SHA-256 and a new render gives them back, a clean 409 if not.
 */
export async function openInvoiceFile(
  db: Db,
  storage: FileStorage,
  actor: Viewer & AuditActor,
  invoiceId: string,
  kind: StoredKind,
  log: FilesLog,
): Promise<{ number: string; file: StoredInvoiceFile }> {
  const row = await visibleInvoice(db, actor, invoiceId);
  if (row.status === 'draft' || !row.number) throw invoiceErrors.INVOICE_DRAFT_HAS_NO_FILE();
  const { storageKey: _, ...file } = (await storeFiles(db, storage, actor, row, log)).get(kind)!;
  return { number: row.number, file };
}
