import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en';
import { fr } from '../../i18n/fr';
import { UNITS, unitLabel } from './line-form';

async function translator(lng: 'fr' | 'en') {
  const i18n = i18next.createInstance();
  await i18n.init({ lng, resources: { fr: { translation: fr }, en: { translation: en } }, interpolation: { escapeValue: false } });
  return i18n.t.bind(i18n) as Parameters<typeof unitLabel>[0];
}

describe('the unit of a line on the pages', () => {
  it('agrees with the quantity in French: "3 jours", "1,5 heure", "1 000 000 mots"', async () => {
    const t = await translator('fr');
    expect(unitLabel(t, 'DAY', 3000)).toBe('jours');
    expect(unitLabel(t, 'DAY', 1000)).toBe('jour');
    expect(unitLabel(t, 'HUR', 1500)).toBe('heure');
    expect(unitLabel(t, 'D68', 1_000_000_000)).toBe('mots');
    expect(unitLabel(t, 'MTK', 12_000)).toBe('m²');
    expect(unitLabel(t, 'IE', -2000)).toBe('personnes');
  });

  it('agrees with the quantity in English: "3 days", "1.5 hours", "1 person"', async () => {
    const t = await translator('en');
    expect(unitLabel(t, 'DAY', 3000)).toBe('days');
    expect(unitLabel(t, 'HUR', 1500)).toBe('hours');
    expect(unitLabel(t, 'IE', 1000)).toBe('person');
    expect(unitLabel(t, 'LS', 2000)).toBe('lump sums');
  });

  it('names every unit the editor offers in both languages, and shows an unknown code as it is', async () => {
    for (const lng of ['fr', 'en'] as const) {
      const t = await translator(lng);
      for (const unit of UNITS) expect(unitLabel(t, unit, 3000)).not.toContain('documents.units');
      expect(unitLabel(t, 'XYZ', 3000)).toBe('XYZ');
    }
    expect(UNITS.length).toBeGreaterThanOrEqual(15);
  });
});
