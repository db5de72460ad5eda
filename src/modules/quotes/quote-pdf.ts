import type { Readable } from 'node:stream';
import type { Db, Executor } from '../../platform/db/client.js';
import type { FileStorage } from '../../platform/files/storage.js';
import { activitySummaries } from '../activities/index.js';
import { clientIdentityForDocument } from '../clients/index.js';
import { getCoop } from '../coops/index.js';
import { buyerOf, computeTotals, printedLineOf, renderDocumentPdf, sellerOf, totalsLineOf, type QuoteDocument } from '../documents/index.js';
import { linesOfQuote } from './draft-quotes.js';
import { quoteErrors } from './errors.js';
import { visibleQuote, type Viewer } from './quote-access.js';
import type { QuoteRow } from './schema.js';

/** Once sent, the PDF the client received is kept and served as it was, whatever changes later. */
const SENT_STATES = new Set(['sent', 'accepted', 'refused']);

const storageKeyOf = (row: Pick<QuoteRow, 'coopId' | 'id'>) => `coops/${row.coopId}/quotes/${row.id}/devis.pdf`;

/** "Devis-D2026-0001.pdf"; the number is the quotes' own series, plain ASCII. */
export const quotePdfFileName = (row: Pick<QuoteRow, 'number'>) => `Devis-${row.number ?? 'projet'}.pdf`;

const parisDay = (at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);

async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

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
    issueDate: row.validatedAt ? parisDay(row.validatedAt) : today,
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
 * Stores the PDF sent to the client, once: sending again (a lost mail) attaches the same file,
 * since a validated quote no longer changes. Returns its storage key.
 */
export async function storeSentQuotePdf(db: Executor, storage: FileStorage, row: QuoteRow, today: string): Promise<string> {
  const key = storageKeyOf(row);
  const existing = await storage.read(key);
  if (existing) {
    existing.destroy();
    return key;
  }
  try {
    await storage.put(key, await renderQuotePdf(db, row, today));
  } catch (err) {
    // Two sends at once: the other one stored the same quote first.
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  return key;
}

/** The bytes the client received once the quote was sent; before that, the quote as it stands. */
export async function quotePdfOf(db: Executor, storage: FileStorage, row: QuoteRow, today: string): Promise<{ fileName: string; bytes: Buffer }> {
  const stored = SENT_STATES.has(row.status) ? await storage.read(storageKeyOf(row)) : null;
  const bytes = stored ? await bytesOf(stored) : await renderQuotePdf(db, row, today);
  return { fileName: quotePdfFileName(row), bytes };
}

/** The PDF of a quote the person may see (404 otherwise). */
export async function openQuotePdf(db: Db, storage: FileStorage, viewer: Viewer, id: string, today: string): Promise<{ fileName: string; bytes: Buffer }> {
  return quotePdfOf(db, storage, await visibleQuote(db, viewer, id), today);
}
