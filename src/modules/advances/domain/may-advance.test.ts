import { describe, expect, it } from 'vitest';
import { DEFAULT_FUND_SETTINGS } from './fund-settings.js';
import { mayAdvance, maxAdvanceCents, memberCeilingCents, uncollectedNetCents, type AdvanceAsked } from './may-advance.js';

const asked = (over: Partial<AdvanceAsked> = {}): AdvanceAsked => ({
  amountCents: 50_000,
  document: { kind: 'invoice', status: 'sent', netCents: 100_000, dueCents: 120_000, paidCents: 0 },
  settings: DEFAULT_FUND_SETTINGS,
  memberRevenueCents: 1_000_000,
  memberOutstandingCents: 0,
  fundAvailableCents: 500_000,
  documentHasOpenAdvance: false,
  ...over,
});

describe('may the guarantee fund advance an invoice', () => {
  it('advances an issued, unpaid invoice within every limit, with its fee', () => {
    expect(mayAdvance(asked())).toEqual({ ok: true, feeCents: 1_000 });
  });

  it('refuses a draft, a paid invoice, a credit note and a deposit invoice', () => {
    for (const document of [
      { kind: 'invoice', status: 'draft' },
      { kind: 'invoice', status: 'paid' },
      { kind: 'credit_note', status: 'validated' },
      { kind: 'deposit', status: 'sent' },
    ] as const) {
      expect(mayAdvance(asked({ document: { ...asked().document, ...document } }))).toEqual({ ok: false, reason: 'document_not_eligible' });
    }
  });

  it('advances a quote the client accepted, within the share of what he has not yet paid through its invoices', () => {
    const quote = { kind: 'quote', status: 'accepted', acceptedOnline: false, netCents: 100_000, dueCents: 120_000, paidCents: 30_000 } as const;
    // A quarter paid through a deposit invoice: 75 000 of net left, 80 % of it is 60 000.
    expect(uncollectedNetCents(quote)).toBe(75_000);
    expect(mayAdvance(asked({ document: quote, amountCents: 60_000 }))).toEqual({ ok: true, feeCents: 1_200 });
    expect(mayAdvance(asked({ document: quote, amountCents: 60_001 }))).toEqual({ ok: false, reason: 'above_invoice_share', limitCents: 60_000 });
  });

  it('refuses a quote not accepted, and one the team recorded when the coop wants it accepted online', () => {
    const quote = { kind: 'quote', status: 'accepted', acceptedOnline: false, netCents: 100_000, dueCents: 120_000, paidCents: 0 } as const;
    for (const status of ['sent', 'validated', 'refused', 'expired']) {
      expect(mayAdvance(asked({ document: { ...quote, status } }))).toEqual({ ok: false, reason: 'document_not_eligible' });
    }
    const onlineOnly = { ...DEFAULT_FUND_SETTINGS, quotesAcceptedOnlineOnly: true };
    expect(mayAdvance(asked({ document: quote, settings: onlineOnly }))).toEqual({ ok: false, reason: 'quote_not_accepted_online' });
    expect(mayAdvance(asked({ document: { ...quote, acceptedOnline: true }, settings: onlineOnly })).ok).toBe(true);
  });

  it('advances one invoice once while its advance is open', () => {
    expect(mayAdvance(asked({ documentHasOpenAdvance: true }))).toEqual({ ok: false, reason: 'already_advanced' });
  });

  it('advances at most the share of the revenue not yet collected', () => {
    // Half paid: 50 000 of net left, 80 % of it is 40 000.
    const document = { kind: 'invoice', status: 'partially_paid', netCents: 100_000, dueCents: 120_000, paidCents: 60_000 } as const;
    expect(uncollectedNetCents(document)).toBe(50_000);
    expect(mayAdvance(asked({ document, amountCents: 40_000 })).ok).toBe(true);
    expect(mayAdvance(asked({ document, amountCents: 40_001 }))).toEqual({ ok: false, reason: 'above_invoice_share', limitCents: 40_000 });
  });

  it("keeps a member under her ceiling: a share of her year's revenue, capped, less what she has outstanding", () => {
    expect(memberCeilingCents(DEFAULT_FUND_SETTINGS, 100_000)).toBe(25_000);
    expect(memberCeilingCents(DEFAULT_FUND_SETTINGS, 100_000_000)).toBe(1_000_000);
    expect(mayAdvance(asked({ memberRevenueCents: 100_000, memberOutstandingCents: 5_000, amountCents: 20_001 }))).toEqual({
      ok: false,
      reason: 'above_member_ceiling',
      limitCents: 20_000,
    });
  });

  it('never takes the fund below its minimum balance', () => {
    const settings = { ...DEFAULT_FUND_SETTINGS, minBalanceCents: 480_000 };
    expect(mayAdvance(asked({ settings, amountCents: 20_000 })).ok).toBe(true);
    expect(mayAdvance(asked({ settings, amountCents: 20_001 }))).toEqual({ ok: false, reason: 'fund_insufficient', limitCents: 20_000 });
    expect(mayAdvance(asked({ fundAvailableCents: -5 }))).toEqual({ ok: false, reason: 'fund_insufficient', limitCents: 0 });
  });

  it('tells the most that may be asked', () => {
    expect(maxAdvanceCents(asked())).toBe(80_000);
    expect(maxAdvanceCents(asked({ fundAvailableCents: 30_000 }))).toBe(30_000);
    expect(maxAdvanceCents(asked({ memberOutstandingCents: 300_000 }))).toBe(0);
  });
});
