import { describe, expect, it } from 'vitest';
import { mandateEndsWith, returnReasonText } from './return-reasons.js';

describe('returned direct debits', () => {
  it('says the reason in French and English', () => {
    expect(returnReasonText('AM04')).toEqual({ fr: 'Provision insuffisante', en: 'Insufficient funds' });
    expect(returnReasonText('ZZ99').fr).toBe('Motif ZZ99');
  });
  it('ends the mandate for a closed account or no mandate, not for missing funds', () => {
    expect(mandateEndsWith('AC04')).toBe(true);
    expect(mandateEndsWith('MD01')).toBe(true);
    expect(mandateEndsWith('AM04')).toBe(false);
    expect(mandateEndsWith('MD06')).toBe(false);
  });
});
