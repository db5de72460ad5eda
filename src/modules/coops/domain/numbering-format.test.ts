import { describe, expect, it } from 'vitest';
import { isValidNumberingFormat, isYearlySeries, renderNumber } from './numbering-format.js';

describe('invoice numbering format', () => {
  it('renders the year and the padded sequence', () => {
    expect(renderNumber('F{YYYY}-{SEQ:5}', { year: 2026, seq: 42 })).toBe('F2026-00042');
    expect(renderNumber('FA{YY}/{SEQ:4}', { year: 2031, seq: 7 })).toBe('FA31/0007');
  });

  it('lets the sequence grow past its padding rather than truncate it', () => {
    expect(renderNumber('{SEQ:2}', { year: 2026, seq: 1234 })).toBe('1234');
  });

  it('requires exactly one sequence token', () => {
    expect(isValidNumberingFormat('F{YYYY}-{SEQ:5}')).toBe(true);
    expect(isValidNumberingFormat('F{YYYY}')).toBe(false);
    expect(isValidNumberingFormat('{SEQ:3}-{SEQ:3}')).toBe(false);
  });

  it('refuses unknown tokens and characters that do not belong in a number', () => {
    expect(isValidNumberingFormat('F{MM}-{SEQ:4}')).toBe(false);
    expect(isValidNumberingFormat('F {SEQ:4}')).toBe(false);
    expect(isValidNumberingFormat('F{SEQ:0}')).toBe(false);
  });

  it('restarts the series each year only when the year is part of the number', () => {
    expect(isYearlySeries('F{YYYY}-{SEQ:5}')).toBe(true);
    expect(isYearlySeries('F{SEQ:6}')).toBe(false);
  });
});
