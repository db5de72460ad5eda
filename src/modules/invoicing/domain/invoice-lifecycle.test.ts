import { describe, expect, it } from 'vitest';
import {
  allowedInvoiceActions,
  amountLeftCents,
  decideInvoiceAction,
  isInvoiceOverdue,
  statusAfterPayments,
  statusAfterSending,
  type InvoiceSnapshot,
} from './invoice-lifecycle.js';

const today = '2026-03-10';
const invoice = (more: Partial<InvoiceSnapshot> = {}): InvoiceSnapshot => ({
  status: 'sent',
  dueDate: '2026-03-09',
  grossCents: 120_00,
  paidCents: 0,
  creditedCents: 0,
  ...more,
});

describe('payment status', () => {
  it('an invoice with nothing paid stays sent (or validated until it is sent)', () => {
    expect(statusAfterPayments(120_00, 0, 0)).toBe('sent');
    expect(statusAfterPayments(120_00, 0, 0, 'validated')).toBe('validated');
  });

  it('a part payment makes it partially paid, the last cent makes it paid', () => {
    expect(statusAfterPayments(120_00, 1, 0)).toBe('partially_paid');
    expect(statusAfterPayments(120_00, 119_99, 0)).toBe('partially_paid');
    expect(statusAfterPayments(120_00, 120_00, 0)).toBe('paid');
  });

  it('a credit note covering the rest closes the invoice, paid or not', () => {
    expect(statusAfterPayments(120_00, 100_00, 20_00)).toBe('paid');
    expect(statusAfterPayments(120_00, 0, 120_00)).toBe('paid');
    expect(statusAfterPayments(120_00, 0, 20_00)).toBe('sent');
  });

  it('a partial credit note on an unpaid invoice leaves the rest to pay; with a part payment it stays partially paid', () => {
    expect(statusAfterPayments(120_00, 0, 20_00, 'validated')).toBe('validated');
    expect(statusAfterPayments(120_00, 50_00, 20_00)).toBe('partially_paid');
  });

  it('a credit note after full payment (a refund) keeps the invoice paid', () => {
    expect(statusAfterPayments(120_00, 120_00, 20_00)).toBe('paid');
    expect(statusAfterPayments(120_00, 100_00, 120_00)).toBe('paid');
  });

  it('paid alone or credited alone beyond the invoice is a broken invariant, never a status', () => {
    expect(() => statusAfterPayments(120_00, 120_01, 0)).toThrow(RangeError);
    expect(() => statusAfterPayments(120_00, 0, 120_01)).toThrow(RangeError);
    expect(() => statusAfterPayments(120_00, -1, 0)).toThrow(RangeError);
    expect(() => statusAfterPayments(120_00, 0.5, 0)).toThrow(RangeError);
  });

  it('sending moves a validated invoice to sent and leaves a paid one paid', () => {
    expect(statusAfterSending('validated')).toBe('sent');
    expect(statusAfterSending('paid')).toBe('paid');
    expect(() => statusAfterSending('draft')).toThrow();
  });
});

describe('overdue is derived, not stored', () => {
  it('an issued invoice with money left is overdue from the day after its due date', () => {
    expect(isInvoiceOverdue(invoice({ dueDate: '2026-03-10' }), today)).toBe(false);
    expect(isInvoiceOverdue(invoice({ dueDate: '2026-03-09' }), today)).toBe(true);
    expect(isInvoiceOverdue(invoice({ status: 'partially_paid', paidCents: 50_00 }), today)).toBe(true);
  });

  it('a paid, credited or draft invoice is never overdue', () => {
    expect(isInvoiceOverdue(invoice({ status: 'paid', paidCents: 120_00 }), today)).toBe(false);
    expect(isInvoiceOverdue(invoice({ status: 'paid', creditedCents: 120_00 }), today)).toBe(false);
    expect(isInvoiceOverdue(invoice({ status: 'draft', dueDate: null }), today)).toBe(false);
  });

  it('the amount left is what remains after payments and credit notes', () => {
    expect(amountLeftCents({ grossCents: 120_00, paidCents: 50_00, creditedCents: 20_00 })).toBe(50_00);
    expect(amountLeftCents({ grossCents: 120_00, paidCents: 0, creditedCents: 120_00 })).toBe(0);
  });

  it('a credit note on a paid invoice leaves nothing to pay, never a negative amount', () => {
    expect(amountLeftCents({ grossCents: 120_00, paidCents: 120_00, creditedCents: 20_00 })).toBe(0);
    expect(isInvoiceOverdue(invoice({ status: 'paid', paidCents: 120_00, creditedCents: 20_00 }), today)).toBe(false);
  });

  it('a fully credited invoice, paid or not, takes no payment and no reminder', () => {
    const credited = invoice({ status: 'paid', creditedCents: 120_00 });
    expect(decideInvoiceAction(credited, 'allocate_payment', today)).toEqual({ ok: false, reason: 'nothing_left_to_pay' });
    expect(decideInvoiceAction(credited, 'remind', today)).toEqual({ ok: false, reason: 'not_overdue' });
  });
});

describe('what may be done in which state', () => {
  it('only a draft can be edited or deleted; an issued invoice is corrected by a credit note', () => {
    expect(allowedInvoiceActions(invoice({ status: 'draft', dueDate: null }), today)).toEqual(['edit', 'delete', 'validate']);
    for (const status of ['validated', 'sent', 'partially_paid', 'paid'] as const) {
      expect(decideInvoiceAction(invoice({ status }), 'edit', today)).toEqual({ ok: false, reason: 'invoice_issued' });
      expect(decideInvoiceAction(invoice({ status }), 'delete', today)).toEqual({ ok: false, reason: 'invoice_issued' });
    }
  });

  it('an invoice is validated once', () => {
    expect(decideInvoiceAction(invoice({ status: 'validated' }), 'validate', today)).toEqual({ ok: false, reason: 'already_validated' });
  });

  it('a credit note needs an issued invoice not yet fully credited, paid or not', () => {
    expect(decideInvoiceAction(invoice({ status: 'draft', dueDate: null }), 'credit', today)).toEqual({ ok: false, reason: 'invoice_not_issued' });
    expect(decideInvoiceAction(invoice({ status: 'paid', paidCents: 120_00 }), 'credit', today)).toEqual({ ok: true });
    expect(decideInvoiceAction(invoice({ status: 'paid', creditedCents: 120_00 }), 'credit', today)).toEqual({ ok: false, reason: 'fully_credited' });
  });

  it('a payment is allocated only to an issued invoice with money left', () => {
    expect(decideInvoiceAction(invoice({ status: 'draft', dueDate: null }), 'allocate_payment', today)).toEqual({ ok: false, reason: 'invoice_not_issued' });
    expect(decideInvoiceAction(invoice({ status: 'partially_paid', paidCents: 1 }), 'allocate_payment', today)).toEqual({ ok: true });
    expect(decideInvoiceAction(invoice({ status: 'paid', paidCents: 120_00 }), 'allocate_payment', today)).toEqual({ ok: false, reason: 'nothing_left_to_pay' });
  });

  it('a reminder goes only to an overdue invoice', () => {
    expect(allowedInvoiceActions(invoice(), today)).toEqual(['send', 'credit', 'allocate_payment', 'remind']);
    expect(decideInvoiceAction(invoice({ dueDate: '2026-04-01' }), 'remind', today)).toEqual({ ok: false, reason: 'not_overdue' });
  });
});
