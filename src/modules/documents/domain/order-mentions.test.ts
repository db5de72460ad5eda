import { describe, expect, it } from 'vitest';
import { deductedDepositText, orderSummaryText, vatSplitText } from './order-mentions.js';

const plain = (text: string | null) => text?.replace(/[\u00a0\u202f]/g, ' ') ?? null;

describe('what a deposit or final invoice says about its order', () => {
  it('a deposit names the quote, its date and what is ordered', () => {
    expect(plain(orderSummaryText({ number: 'D2026-0001', issueDate: '2026-01-12', summary: ['Conception — 3 jours', 'Maquettes — 1 forfait'], netCents: 150_000, grossCents: 180_000 }))).toBe(
      'Commande : devis N° D2026-0001 du 12/01/2026 — objet : Conception — 3 jours ; Maquettes — 1 forfait (total de la commande 1 500,00 € HT, 1 800,00 € TTC).',
    );
  });

  it('the final invoice names each deposit it deducts with its number, date and amounts', () => {
    expect(plain(deductedDepositText({ number: 'F2026-00003', issueDate: '2026-01-15', netCents: 45_000, vatCents: 9_000, grossCents: 54_000 }))).toBe(
      'Acompte déduit : facture N° F2026-00003 du 15/01/2026, 540,00 € TTC (450,00 € HT, TVA 90,00 €).',
    );
  });
});

describe('why a cent moved between VAT rates on a deposit', () => {
  it('says nothing when every rate got its own rounded share', () => {
    expect(vatSplitText({ percentBp: 3000, netCents: 45_000, groups: [{ vatCategory: 'S', vatRateBp: 2000, proportionalCents: 30_000, basisCents: 30_000 }, { vatCategory: 'S', vatRateBp: 1000, proportionalCents: 15_000, basisCents: 15_000 }] })).toBeNull();
  });

  it('names the rates that gave and took the cent, and the amount the shares had to make', () => {
    const text = plain(vatSplitText({
      percentBp: 5000,
      netCents: 10_005,
      groups: [
        { vatCategory: 'S', vatRateBp: 2000, proportionalCents: 5_003, basisCents: 5_003 },
        { vatCategory: 'S', vatRateBp: 1000, proportionalCents: 5_003, basisCents: 5_002 },
      ],
    }));
    expect(text).toContain('Acompte de 50 % réparti entre les taux de TVA au prorata de la commande, chaque part arrondie au centime');
    expect(text).toContain('part à 10 % : 50,02 € au lieu de 50,03 €');
    expect(text).not.toContain('part à 20 %');
    expect(text).toContain('exactement 100,05 € HT');
  });
});
