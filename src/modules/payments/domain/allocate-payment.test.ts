import { describe, expect, it } from 'vitest';
import { allocatePayment, type OpenInvoiceToSettle } from './allocate-payment.js';

const inv = (id: string, dueDate: string, amountLeftCents: number, clientId = 'c1', issueDate = '2026-01-01'): OpenInvoiceToSettle => ({
  id,
  clientId,
  dueDate,
  issueDate,
  amountLeftCents,
});

const open = [inv('newer', '2026-03-31', 300_00), inv('older', '2026-02-28', 100_00), inv('middle', '2026-03-15', 200_00)];

describe('oldest due first', () => {
  it('a payment settles the invoice that fell due first, then the next', () => {
    const result = allocatePayment({ clientId: 'c1', amountCents: 250_00 }, open);
    expect(result).toEqual({
      ok: true,
      allocations: [
        { invoiceId: 'older', amountCents: 100_00, amountLeftAfterCents: 0 },
        { invoiceId: 'middle', amountCents: 150_00, amountLeftAfterCents: 50_00 },
      ],
      allocatedCents: 250_00,
      creditCents: 0,
    });
  });

  it('between invoices due the same day, the one issued first is paid first', () => {
    const result = allocatePayment({ clientId: 'c1', amountCents: 10_00 }, [
      inv('b', '2026-02-28', 50_00, 'c1', '2026-01-20'),
      inv('a', '2026-02-28', 50_00, 'c1', '2026-01-10'),
    ]);
    expect(result.ok && result.allocations.map((a) => a.invoiceId)).toEqual(['a']);
  });

  it('an over-payment settles everything and the excess stays as the client’s credit', () => {
    const result = allocatePayment({ clientId: 'c1', amountCents: 650_01 }, open);
    expect(result).toMatchObject({ ok: true, allocatedCents: 600_00, creditCents: 50_01 });
  });

  it('a payment with no open invoice becomes credit entirely, never lost', () => {
    expect(allocatePayment({ clientId: 'c1', amountCents: 42_00 }, [])).toEqual({ ok: true, allocations: [], allocatedCents: 0, creditCents: 42_00 });
  });

  it('never touches another client’s invoice nor a settled one', () => {
    const result = allocatePayment({ clientId: 'c1', amountCents: 100_00 }, [inv('theirs', '2025-01-01', 100_00, 'c2'), inv('settled', '2025-01-01', 0), inv('mine', '2026-05-01', 100_00)]);
    expect(result.ok && result.allocations.map((a) => a.invoiceId)).toEqual(['mine']);
  });
});

describe('explicit allocations', () => {
  it('allocates as told, partial payments included, and credits the rest', () => {
    const result = allocatePayment({ clientId: 'c1', amountCents: 400_00 }, open, [
      { invoiceId: 'newer', amountCents: 300_00 },
      { invoiceId: 'middle', amountCents: 50_00 },
    ]);
    expect(result).toEqual({
      ok: true,
      allocations: [
        { invoiceId: 'newer', amountCents: 300_00, amountLeftAfterCents: 0 },
        { invoiceId: 'middle', amountCents: 50_00, amountLeftAfterCents: 150_00 },
      ],
      allocatedCents: 350_00,
      creditCents: 50_00,
    });
  });

  it('refuses to put a payment on another client’s invoice', () => {
    const result = allocatePayment({ clientId: 'c1', amountCents: 100_00 }, [inv('theirs', '2026-01-01', 100_00, 'c2')], [{ invoiceId: 'theirs', amountCents: 100_00 }]);
    expect(result).toEqual({ ok: false, reason: 'invoice_of_another_client', invoiceId: 'theirs' });
  });

  it('refuses more than an invoice’s amount left: the excess belongs on the client’s account', () => {
    const result = allocatePayment({ clientId: 'c1', amountCents: 200_00 }, open, [{ invoiceId: 'older', amountCents: 100_01 }]);
    expect(result).toEqual({ ok: false, reason: 'above_amount_left', invoiceId: 'older', amountLeftCents: 100_00 });
  });

  it('refuses allocations adding up to more than the payment', () => {
    const result = allocatePayment({ clientId: 'c1', amountCents: 100_00 }, open, [
      { invoiceId: 'older', amountCents: 100_00 },
      { invoiceId: 'middle', amountCents: 1 },
    ]);
    expect(result).toEqual({ ok: false, reason: 'allocations_exceed_payment', excessCents: 1 });
  });

  it('refuses an unknown invoice, an invoice listed twice and a zero amount', () => {
    expect(allocatePayment({ clientId: 'c1', amountCents: 10 }, open, [{ invoiceId: 'nope', amountCents: 1 }])).toMatchObject({ reason: 'unknown_invoice' });
    expect(
      allocatePayment({ clientId: 'c1', amountCents: 10 }, open, [
        { invoiceId: 'older', amountCents: 1 },
        { invoiceId: 'older', amountCents: 1 },
      ]),
    ).toMatchObject({ reason: 'invoice_listed_twice' });
    expect(allocatePayment({ clientId: 'c1', amountCents: 10 }, open, [{ invoiceId: 'older', amountCents: 0 }])).toMatchObject({ reason: 'amount_not_positive' });
  });
});

describe('amounts', () => {
  it('a payment must be a positive whole number of cents', () => {
    expect(allocatePayment({ clientId: 'c1', amountCents: 0 }, open)).toEqual({ ok: false, reason: 'payment_not_positive' });
    expect(() => allocatePayment({ clientId: 'c1', amountCents: 10.5 }, open)).toThrow(RangeError);
  });
});
