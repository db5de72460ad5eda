import { describe, expect, it } from 'vitest';
import { invoiceMail, type InvoiceMailInput } from './invoice-mail.js';

const base: InvoiceMailInput = {
  kind: 'invoice',
  number: 'F2026-00012',
  issueDate: '2026-06-20',
  dueDate: '2026-07-20',
  grossCents: 121_899,
  leftCents: 121_899,
  coopName: 'Coop Lyon',
  activityName: 'Atelier Mia',
  creditedInvoiceNumber: null,
};

describe('invoiceMail', () => {
  it('names the invoice, its amount in French format and its due date', () => {
    const mail = invoiceMail(base);
    expect(mail.subject).toBe('Facture F2026-00012 — Coop Lyon');
    expect(mail.text).toContain('notre facture F2026-00012 du 20/06/2026');
    expect(mail.text).toContain('1\u202f218,99\u00a0€ TTC');
    expect(mail.text).toContain('au plus tard le 20/07/2026');
    expect(mail.text).toContain('Atelier Mia');
  });

  it('a copy sent after a partial payment says what is left to pay', () => {
    expect(invoiceMail({ ...base, leftCents: 21_899 }).text).toContain('Reste à régler : 218,99\u00a0€');
  });

  it('a credit note names the invoice it corrects and asks for no payment', () => {
    const mail = invoiceMail({ ...base, kind: 'credit_note', number: 'F2026-00013', dueDate: null, creditedInvoiceNumber: 'F2026-00012' });
    expect(mail.subject).toBe('Avoir F2026-00013 — Coop Lyon');
    expect(mail.text).toContain('qui corrige la facture F2026-00012');
    expect(mail.text).not.toContain('régler');
  });
});
