import { and, eq } from 'drizzle-orm';
import { verifyLink } from '../../platform/auth/signed-links.js';
import type { Db, Executor } from '../../platform/db/client.js';
import type { FileStorage } from '../../platform/files/storage.js';
import { activitySummaries } from '../activities/index.js';
import { clientNames } from '../clients/index.js';
import { getCoop } from '../coops/index.js';
import { effectiveQuoteState } from './domain/quote-lifecycle.js';
import type { PortalQuote } from './contract.js';
import { claimedCoopOfToken, parsePortalSubject, QUOTE_PORTAL_PURPOSE } from './domain/portal-link.js';
import { linesOfQuote } from './draft-quotes.js';
import { lineView } from './get-quote.js';
import { quoteErrors } from './errors.js';
import { applyQuoteAction } from './move-quote.js';
import { quotePdfOf } from './quote-pdf.js';
import { quotes, quotesSettings, type QuoteRow } from './schema.js';

/** States a client may see: once sent, the quote is theirs to read, whatever came after. */
const SHOWN_TO_CLIENT = new Set(['sent', 'accepted', 'refused']);

/**
 * The quote a portal token opens, or the one generic 404: a forged, altered, expired or
 * misdirected link, and a quote no longer shown, all answer the same, so a probe learns
 * nothing about which quotes exist.
 */
async function quoteOfToken(db: Executor, token: string, now: Date, opts: { lock?: boolean } = {}): Promise<QuoteRow> {
  const coopId = claimedCoopOfToken(token);
  if (!coopId) throw quoteErrors.PORTAL_LINK_INVALID();
  // Read, never create: a forged token must not make settings appear for a coop id it made up.
  const [settings] = await db.select().from(quotesSettings).where(eq(quotesSettings.coopId, coopId));
  if (!settings) throw quoteErrors.PORTAL_LINK_INVALID();
  const verdict = verifyLink(token, settings.portalSecret, now, QUOTE_PORTAL_PURPOSE);
  const subject = verdict.ok ? parsePortalSubject(verdict.payload.subjectId) : null;
  if (!subject || subject.coopId !== coopId) throw quoteErrors.PORTAL_LINK_INVALID();
  const query = db.select().from(quotes).where(and(eq(quotes.coopId, coopId), eq(quotes.id, subject.quoteId)));
  const [row] = opts.lock ? await query.for('update') : await query;
  if (!row || !SHOWN_TO_CLIENT.has(row.status)) throw quoteErrors.PORTAL_LINK_INVALID();
  return row;
}

/** The quote as the client reads it: the coop's identity, the offer, its state; nothing internal. */
export async function portalQuote(db: Db, token: string, now: Date, today: string): Promise<PortalQuote> {
  const row = await quoteOfToken(db, token, now);
  const coop = await getCoop(db, row.coopId);
  const activity = (await activitySummaries(db, row.coopId, [row.activityId])).get(row.activityId);
  const client = (await clientNames(db, row.coopId, [row.clientId])).get(row.clientId);
  const lines = await linesOfQuote(db, row.coopId, row.id);
  return {
    coop: {
      name: coop.name,
      siren: coop.siren,
      vatNumber: coop.vatNumber,
      addressLine1: coop.addressLine1,
      addressLine2: coop.addressLine2,
      postalCode: coop.postalCode,
      city: coop.city,
      email: coop.email,
    },
    activityName: activity?.name ?? '',
    clientName: client ?? '',
    number: row.number,
    state: effectiveQuoteState(row, today),
    validUntil: row.validUntil,
    notes: row.notes,
    lines: lines.map(lineView),
    vatBreakdown: row.vatBreakdown,
    netCents: row.netCents,
    vatCents: row.vatCents,
    grossCents: row.grossCents,
    acceptedByName: row.acceptedByName,
    acceptedAt: row.acceptedAt,
    refusedAt: row.refusedAt,
  };
}

/**
 * The client accepts the offer: their name, the time and the address they answered from are
 * kept as the evidence of the agreement (Code civil art. 1366: an electronic writing proves
 * as paper does when its author can be identified). Only a sent, still valid quote.
 */
export async function acceptQuoteOnPortal(db: Db, token: string, input: { name: string; ip: string }, now: Date, today: string): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await quoteOfToken(tx, token, now, { lock: true });
    await applyQuoteAction(tx, { coopId: row.coopId, userId: null, ip: input.ip }, row, 'accept', { today, role: 'client' }, { acceptedByName: input.name, acceptedIp: input.ip });
  });
}

export async function refuseQuoteOnPortal(db: Db, token: string, input: { reason?: string | null; ip: string }, now: Date, today: string): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await quoteOfToken(tx, token, now, { lock: true });
    await applyQuoteAction(tx, { coopId: row.coopId, userId: null, ip: input.ip }, row, 'refuse', { today, role: 'client' }, { refusalReason: input.reason ?? null });
  });
}

/** The PDF the client received, through the same link (and the same single 404). */
export async function portalQuotePdf(db: Db, storage: FileStorage, token: string, now: Date, today: string): Promise<{ fileName: string; bytes: Buffer }> {
  return quotePdfOf(db, storage, await quoteOfToken(db, token, now), today);
}
