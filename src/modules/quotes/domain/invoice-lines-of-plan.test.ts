import { describe, expect, it } from 'vitest';
import { invoiceLinesOfPlan } from './invoice-lines-of-plan.js';

describe('invoice lines of a quote invoicing plan', () => {
  it('gives one line per VAT group naming the deposit share, the quote, its date and the rate', () => {
    const lines = invoiceLinesOfPlan(
      [
        { vatCategory: 'S', vatRateBp: 2000, basisCents: 30_000 },
        { vatCategory: 'S', vatRateBp: 550, basisCents: 600 },
        { vatCategory: 'S', vatRateBp: 1000, basisCents: 0 },
      ],
      { kind: 'deposit', quoteNumber: 'D2026-0001', quoteDate: '2026-01-12', percentBp: 3000, exemptionReasons: new Map() },
    );
    expect(lines.map((l) => l.description)).toEqual(['Acompte de 30 % sur devis D2026-0001 du 12/01/2026 — TVA 20 %', 'Acompte de 30 % sur devis D2026-0001 du 12/01/2026 — TVA 5,5 %']);
    expect(lines[0]).toMatchObject({ quantityMilli: 1000, unitPriceCents: 30_000, vatRateBp: 2000 });
  });

  it('carries the exemption reason of a group without VAT', () => {
    const [line] = invoiceLinesOfPlan([{ vatCategory: 'E', vatRateBp: 0, basisCents: 1000 }], {
      kind: 'balance',
      quoteNumber: 'D2026-0002',
      quoteDate: '2026-02-03',
      exemptionReasons: new Map([['E/0', 'TVA non applicable, art. 293 B du CGI']]),
    });
    expect(line).toMatchObject({ description: 'Solde sur devis D2026-0002 du 03/02/2026 — sans TVA', exemptionReason: 'TVA non applicable, art. 293 B du CGI' });
  });
});
