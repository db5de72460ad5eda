import { describe, expect, it } from 'vitest';
import { enteredTotalsProblem } from './entered-totals.js';

const line = { netCents: 10_000, vatRateBp: 2000, vatCents: 2_000 };

describe('a supplier invoice typed by hand', () => {
  it('passes when the totals are the sums of the lines', () => {
    expect(enteredTotalsProblem({ lines: [line, { netCents: 1_000, vatRateBp: 550, vatCents: 55 }], netCents: 11_000, vatCents: 2_055, grossCents: 13_055 })).toBeNull();
  });
  it('refuses a line whose VAT is not net × rate', () => {
    expect(enteredTotalsProblem({ lines: [{ ...line, vatCents: 1_900 }], netCents: 10_000, vatCents: 1_900, grossCents: 11_900 })?.path).toBe('lines.0.vatCents');
  });
  it('refuses totals that do not add up: HT, TVA, TTC', () => {
    expect(enteredTotalsProblem({ lines: [line], netCents: 9_999, vatCents: 2_000, grossCents: 11_999 })?.path).toBe('netCents');
    expect(enteredTotalsProblem({ lines: [line], netCents: 10_000, vatCents: 2_001, grossCents: 12_001 })?.path).toBe('vatCents');
    expect(enteredTotalsProblem({ lines: [line], netCents: 10_000, vatCents: 2_000, grossCents: 12_001 })?.path).toBe('grossCents');
  });
});
