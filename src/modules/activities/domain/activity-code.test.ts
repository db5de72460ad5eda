import { describe, expect, it } from 'vitest';
import { ACTIVITY_CODE_MAX, ACTIVITY_CODE_PATTERN, codeFromName, firstFreeCode } from './activity-code.js';

describe('codeFromName', () => {
  it('uppercases the name and joins its words with dashes', () => {
    expect(codeFromName('Atelier bois')).toBe('ATELIER-BOIS');
  });

  it('drops accents and ligatures so the code stays plain ASCII for accounting exports', () => {
    expect(codeFromName('Éco-conçu & Œuvres')).toBe('ECO-CONCU-OEUVRES');
  });

  it('keeps digits and trims dashes at both ends', () => {
    expect(codeFromName('  -- Studio 3D --  ')).toBe('STUDIO-3D');
  });

  it('leaves room for a suffix within the column length', () => {
    const code = codeFromName('Conseil en stratégie numérique pour les associations');
    expect(code.length).toBeLessThanOrEqual(ACTIVITY_CODE_MAX - 3);
    expect(code).toMatch(ACTIVITY_CODE_PATTERN);
    expect(code.endsWith('-')).toBe(false);
  });

  it('falls back to a generic code when the name has no letter or digit', () => {
    expect(codeFromName('★ ★ ★')).toBe('ACTIVITE');
  });
});

describe('firstFreeCode', () => {
  it('keeps the code when no activity uses it', () => {
    expect(firstFreeCode('ATELIER-BOIS', new Set())).toBe('ATELIER-BOIS');
  });

  it('adds -2, then -3 when the code is taken', () => {
    expect(firstFreeCode('ATELIER-BOIS', new Set(['ATELIER-BOIS']))).toBe('ATELIER-BOIS-2');
    expect(firstFreeCode('ATELIER-BOIS', new Set(['ATELIER-BOIS', 'ATELIER-BOIS-2']))).toBe('ATELIER-BOIS-3');
  });

  it('shortens a long base so the suffixed code still fits', () => {
    const base = 'ABCDEFGHIJKLMNOPQRST';
    const code = firstFreeCode(base, new Set([base]));
    expect(code).toBe('ABCDEFGHIJKLMNOPQR-2');
    expect(code.length).toBe(ACTIVITY_CODE_MAX);
  });
});
