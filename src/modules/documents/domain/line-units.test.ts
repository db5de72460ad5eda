import { describe, expect, it } from 'vitest';
import { frenchUnitLabel, LINE_UNIT_CODES } from './line-units.js';

describe('the units of a line', () => {
  it('print in French in the plural from two, as "3 jours", and in the singular below, as "1,5 heure"', () => {
    expect(frenchUnitLabel('DAY', 3000)).toBe('jours');
    expect(frenchUnitLabel('HUR', 1500)).toBe('heure');
    expect(frenchUnitLabel('DAY', 1000)).toBe('jour');
    expect(frenchUnitLabel('ZP', 12_000)).toBe('pages');
    expect(frenchUnitLabel('MON', 2000)).toBe('mois');
    // A credit note counts back: still "2 jours".
    expect(frenchUnitLabel('DAY', -2000)).toBe('jours');
  });

  it('offer the units French invoices count in, each under its own UN/ECE Rec. 20 code', () => {
    expect(Object.fromEntries(LINE_UNIT_CODES.map((c) => [frenchUnitLabel(c, 1000), c]))).toMatchObject({
      'm²': 'MTK',
      'm³': 'MTQ',
      km: 'KMT',
      mois: 'MON',
      jour: 'DAY',
      heure: 'HUR',
      semaine: 'WEE',
      unité: 'C62',
      forfait: 'LS',
      personne: 'IE',
      page: 'ZP',
      mot: 'D68',
      kg: 'KGM',
      litre: 'LTR',
      lot: 'LO',
    });
  });

  it('print a code they do not know as it is', () => {
    expect(frenchUnitLabel('XYZ', 3000)).toBe('XYZ');
  });
});
