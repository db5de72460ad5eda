import { bpOf, type FundSettings } from './fund-settings.js';

/** The invoice an advance is asked on, as the fund sees it. */
export interface AdvancedInvoice {
  kind: 'invoice' | 'credit_note' | 'deposit';
  status: 'draft' | 'validated' | 'sent' | 'partially_paid' | 'paid';
  netCents: number;
  /** What the client owes in all (gross, less credit notes) and what he has paid of it. */
  dueCents: number;
  paidCents: number;
}

/** The quote an advance is asked on: the client's signed commitment, paid through the invoices made from it. */
export interface AdvancedQuote {
  kind: 'quote';
  /** The quote's state as read (an accepted quote never expires). */
  status: string;
  /** The client accepted it online, through the portal (not recorded by the team from a signed paper). */
  acceptedOnline: boolean;
  netCents: number;
  /** The quote's amount incl. VAT, and what the client paid of the invoices issued from it. */
  dueCents: number;
  paidCents: number;
}

export type AdvancedDocument = AdvancedInvoice | AdvancedQuote;

export interface AdvanceAsked {
  amountCents: number;
  document: AdvancedDocument;
  settings: FundSettings;
  /** Revenue excl. VAT of the member's activities over the last 12 months. */
  memberRevenueCents: number;
  /** What the member's advances still paid out and not settled add up to. */
  memberOutstandingCents: number;
  /** The fund's available amount (see `fundPosition`). */
  fundAvailableCents: number;
  /** An advance on this document is asked or paid and not closed. */
  documentHasOpenAdvance: boolean;
}

export type AdvanceRefusal =
  | 'document_not_eligible'
  | 'quote_not_accepted_online'
  | 'already_advanced'
  | 'above_invoice_share'
  | 'above_member_ceiling'
  | 'fund_insufficient';

export type AdvanceDecision = { ok: true; feeCents: number } | { ok: false; reason: AdvanceRefusal; limitCents?: number };

/**
 * The revenue excl. VAT not yet collected: the document's net in proportion of what is still
 * due, rounded down (the fund never advances a cent the client will not pay). For a quote,
 * what the client paid of its invoices counts as collected.
 */
export const uncollectedNetCents = (d: AdvancedDocument): number =>
  d.dueCents <= 0 ? 0 : Math.floor((d.netCents * Math.max(0, d.dueCents - d.paidCents)) / d.dueCents);

/** A member's ceiling: a share of her activities' revenue of the last 12 months, capped. */
export const memberCeilingCents = (settings: FundSettings, revenueCents: number): number =>
  Math.min(settings.ceilingMaxCents, bpOf(Math.max(0, revenueCents), settings.ceilingRevenueShareBp));

/** The most the rules allow on this document for this member, now (0 when nothing). */
export function maxAdvanceCents(a: Omit<AdvanceAsked, 'amountCents'>): number {
  return Math.max(
    0,
    Math.min(
      Math.floor((uncollectedNetCents(a.document) * a.settings.maxInvoiceShareBp) / 10_000),
      memberCeilingCents(a.settings, a.memberRevenueCents) - a.memberOutstandingCents,
      a.fundAvailableCents - a.settings.minBalanceCents,
    ),
  );
}

/**
 * Whether the guarantee fund may prefinance this document for this amount. Only an issued
 * invoice not yet paid qualifies (a draft may still change; a credit note or a deposit
 * invoice is not revenue earned), or a quote the client accepted (his signature commits him;
 * when the coop's rule says so, only one accepted online through the portal, whose signature
 * the app recorded itself). One open advance per document, and none on an invoice of a quote
 * that has one (nor on a quote one of whose invoices has one), so the same revenue is never
 * advanced twice. Checked when the member asks, and again when staff approve, inside
 * the approval transaction with the fund's settings row locked FOR UPDATE: two approvals of
 * one coop take turns, so together they never take the fund below its minimum balance.
 */
export function mayAdvance(a: AdvanceAsked): AdvanceDecision {
  const { document: d, settings: s } = a;
  if (d.kind === 'quote') {
    if (d.status !== 'accepted') return { ok: false, reason: 'document_not_eligible' };
    if (s.quotesAcceptedOnlineOnly && !d.acceptedOnline) return { ok: false, reason: 'quote_not_accepted_online' };
  } else if (d.kind !== 'invoice' || !['validated', 'sent', 'partially_paid'].includes(d.status)) return { ok: false, reason: 'document_not_eligible' };
  if (a.documentHasOpenAdvance) return { ok: false, reason: 'already_advanced' };
  const shareLimit = Math.floor((uncollectedNetCents(d) * s.maxInvoiceShareBp) / 10_000);
  if (a.amountCents > shareLimit) return { ok: false, reason: 'above_invoice_share', limitCents: shareLimit };
  const ceilingLeft = memberCeilingCents(s, a.memberRevenueCents) - a.memberOutstandingCents;
  if (a.amountCents > ceilingLeft) return { ok: false, reason: 'above_member_ceiling', limitCents: Math.max(0, ceilingLeft) };
  const fundLeft = a.fundAvailableCents - s.minBalanceCents;
  if (a.amountCents > fundLeft) return { ok: false, reason: 'fund_insufficient', limitCents: Math.max(0, fundLeft) };
  return { ok: true, feeCents: bpOf(a.amountCents, s.feeRateBp) };
}
