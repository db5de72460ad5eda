import { describe, expect, it } from 'vitest';
import { lapsesOn, sequenceTypeOf } from './sequence-type.js';

describe('first or recurring debit', () => {
  it('is FRST for a mandate never collected, RCUR after', () => {
    expect(sequenceTypeOf({ signedOn: '2026-11-01', lastCollectedOn: null }, '2026-12-16')).toBe('FRST');
    expect(sequenceTypeOf({ signedOn: '2026-11-01', lastCollectedOn: '2026-12-16' }, '2027-01-15')).toBe('RCUR');
  });
  it('lapses 36 months after the last collection', () => {
    expect(lapsesOn('2023-12-16')).toBe('2026-12-16');
    expect(sequenceTypeOf({ signedOn: '2020-01-01', lastCollectedOn: '2023-12-16' }, '2026-12-15')).toBe('RCUR');
    expect(sequenceTypeOf({ signedOn: '2020-01-01', lastCollectedOn: '2023-12-16' }, '2026-12-16')).toBe('lapsed');
  });
  it('lapses 36 months after the signature when never used', () => {
    expect(sequenceTypeOf({ signedOn: '2023-01-31', lastCollectedOn: null }, '2026-01-30')).toBe('FRST');
    expect(sequenceTypeOf({ signedOn: '2023-01-31', lastCollectedOn: null }, '2026-01-31')).toBe('lapsed');
  });
});
