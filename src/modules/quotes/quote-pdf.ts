import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import { todayInFrance } from '../../platform/calendar/index.js';
import type { Db, Executor } from '../../platform/db/client.js';
import { unreadableFile } from '../../platform/files/file-errors.js';
import { sha256Of, type FileStorage } from '../../platform/files/storage.js';
import { activitySummaries } from '../activities/index.js';
import { clientIdentityForDocument } from '../clients/index.js';
import { getCoop } from '../coops/index.js';
import { buyerOf, computeTotals, printedLineOf, renderDocumentPdf, sellerOf, totalsLineOf, type QuoteDocument } from '../documents/index.js';
import { linesOfQuote } from './draft-quotes.js';
import { quoteErrors } from './errors.js';
import { visibleQuote, type Viewer } from './quote-access.js';
import { quotes, type QuoteRow } from './schema.js';

/** Once sent, the PDF the client received is kept and served as it was, whatever changes later. */
const SENT_STATES = new Set(['sent', 'accepted', 'refused']);

const storageKeyOf = (row: Pick<QuoteRow, 'coopId' | 'id'>) => `coops/${row.coopId}/quotes/${row.id}/devis.pdf`;

/** "Devis-D2026-0001.pdf"; the number is the quotes' own series, plain ASCII. */
export const quotePdfFileName = (row: Pick<QuoteRow, 'number'>) => `Devis-${row.number ?? 'projet'}.pdf`;


/**
 * The quote as the PDF prints it: the coop as the party that commits, the member's activity as
 * the name the client knows, dated the day the coop validated it (a draft: the day it is read).
 */
async function quoteDocumentOf(db: Executor, row: QuoteRow, today: string): Promise<QuoteDocument> {
  const coop = await getCoop(db, row.coopId);
  const activity = (await activitySummaries(db, row.coopId, [row.activityId])).get(row.activityId);
  const client = await clientIdentityForDocument(db, row.coopId, row.clientId);
  if (!client) throw quoteErrors.QUOTE_NOT_FOUND();
  const lines = await linesOfQuote(db, row.coopId, row.id);
  return {
    kind: 'quote',
    number: row.number,
    issueDate: row.validatedAt ? todayInFrance(row.validatedAt) : today,
    validUntil: row.validUntil,
    seller: sellerOf(coop, activity?.name ?? coop.name),
    buyer: buyerOf(client),
    lines: lines.map(printedLineOf),
    totals: computeTotals({ lines: lines.map(totalsLineOf) }),
    mentions: { vatOnDebits: false, operationCategory: 'services', other: row.notes ? [row.notes] : [] },
  };
}

/** Renders the quote; the same quote renders the same bytes (the PDF is dated by its validation). */
export async function renderQuotePdf(db: Executor, row: QuoteRow, today: string): Promise<Buffer> {
  const doc = await quoteDocumentOf(db, row, today);
  return Buffer.from(await renderDocumentPdf(doc, { facturX: false, ...(row.validatedAt ? { producedAt: row.validatedAt } : {}) }));
}

/**
 * Stores the PDF sent to the client, once, and records its SHA-256 on the quote in the
 * sending transaction: sending again (a lost mail) attaches the same file, since a validated
 * quote no longer changes. The write is atomic and replaces what a send that rolled back may
 * have left under the key. Returns what the mail's attachment needs.
 */
export async function storeSentQuotePdf(tx: Executor, storage: FileStorage, row: QuoteRow, today: string): Promise<{ storageKey: string; sha256: string }> {
  const storageKey = storageKeyOf(row);
  if (row.sentPdfSha256) {
    await sentPdfBytes(tx, storage, row, row.sentPdfSha256, today);
    return { storageKey, sha256: row.sentPdfSha256 };
  }
  const { sha256 } = await storage.put(storageKey, await renderQuotePdf(tx, row, today));
  await tx.update(quotes).set({ sentPdfSha256: sha256 }).where(and(eq(quotes.coopId, row.coopId), eq(quotes.id, row.id)));
  return { storageKey, sha256 };
}

/**
 * The stored PDF of a sent quote, checked against its recorded SHA-256. A file that fails the
 * check is drawn again: the validated quote renders the same bytes unless the client's or
 * the coop's identity changed since, so the new bytes replace the bad file (and the repair is
 * audited) only if they have the recorded hash; otherwise a clean error.
 */
async function sentPdfBytes(db: Executor, storage: FileStorage, row: QuoteRow, sha256: string, today: string): Promise<Buffer> {
  const read = await storage.read(storageKeyOf(row), { sha256 });
  if (read.ok) return read.bytes;
  const bytes = await renderQuotePdf(db, row, today);
  if (sha256Of(bytes) !== sha256) throw unreadableFile(read.problem);
  await storage.put(storageKeyOf(row), bytes);
  await recordAudit(db, { coopId: row.coopId, userId: null }, { action: 'quote.file_repaired', entityType: 'quote', entityId: row.id, after: { problem: read.problem, sha256 } });
  return bytes;
}

/**
 * The bytes the client received once the quote was sent; before that, the quote as it stands
 * (a quote sent before its hash was recorded is drawn as it stands too: nothing to check it by).
 */
export async function quotePdfOf(db: Executor, storage: FileStorage, row: QuoteRow, today: string): Promise<{ fileName: string; bytes: Buffer }> {
  const bytes = SENT_STATES.has(row.status) && row.sentPdfSha256 ? await sentPdfBytes(db, storage, row, row.sentPdfSha256, today) : await renderQuotePdf(db, row, today);
  return { fileName: quotePdfFileName(row), bytes };
}

/** The PDF of a quote the person may see (404 otherwise). */
export async function openQuotePdf(db: Db, storage: FileStorage, viewer: Viewer, id: string, today: string): Promise<{ fileName: string; bytes: Buffer }> {
  return quotePdfOf(db, storage, await visibleQuote(db, viewer, id), today);
}
