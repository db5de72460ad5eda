import { describe, expect, it } from 'vitest';
import { foldLabel, matchBankRule } from './match-bank-rule.js';

const rules = [
  { id: 'urssaf', labelContains: 'URSSAF' },
  { id: 'retraite', labelContains: 'urssaf retraite' },
  { id: 'frais', labelContains: 'Frais tenue de compte' },
];
const line = (label: string, counterparty: string | null = null, reference = '') => ({ label, reference, counterparty });

describe('proposing a saved rule for a bank debit', () => {
  it('proposes the rule whose text the label contains, whatever the case and accents', () => {
    expect(matchBankRule(line('PRLV SEPA Urssaf Île-de-France'), rules)?.id).toBe('urssaf');
    expect(matchBankRule(line('FRAIS TENUE DE COMPTE NOVEMBRE'), rules)?.id).toBe('frais');
  });

  it('prefers the most precise rule when several match', () => {
    expect(matchBankRule(line('PRLV URSSAF RETRAITE COMPLEMENTAIRE'), rules)?.id).toBe('retraite');
  });

  it('reads the counterparty and the reference too', () => {
    expect(matchBankRule(line('PRLV SEPA 0042', 'URSSAF PACA'), rules)?.id).toBe('urssaf');
    expect(matchBankRule(line('PRLV SEPA', null, 'URSSAF 2026-11'), rules)?.id).toBe('urssaf');
  });

  it('proposes nothing when no rule matches', () => {
    expect(matchBankRule(line('CB LEROY MERLIN 12/11'), rules)).toBeNull();
    expect(matchBankRule(line('anything'), [])).toBeNull();
  });

  it('folds case, accents and punctuation', () => {
    expect(foldLabel('  Frais  de tenue-de-compte é ')).toBe('FRAIS DE TENUE DE COMPTE E');
  });
});
