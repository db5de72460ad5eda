import { describe, expect, it } from 'vitest';
import { formatEuros, formatFrenchDate, formatQuantity, formatVatRate, scaledToDecimal } from './french-format.js';

// Intl separators vary between ICU versions (U+202F or U+00A0): compare with plain spaces.
const plain = (text: string) => text.replace(/[\s\u00a0\u202f]/gu, ' ');
const intl = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });

describe('French formatting', () => {
  it('writes euros with grouped thousands, a decimal comma and the sign after', () => {
    expect(plain(formatEuros(123456))).toBe('1 234,56 €');
    expect(plain(formatEuros(5))).toBe('0,05 €');
    expect(plain(formatEuros(0))).toBe('0,00 €');
    expect(plain(formatEuros(-50))).toBe('-0,50 €');
    expect(plain(formatEuros(100000000))).toBe('1 000 000,00 €');
  });

  it('writes exactly what Intl writes in fr-FR, no-break spaces included', () => {
    for (const cents of [0, 7, 99, 123456, -123456, 100000000, 987654321]) {
      expect(formatEuros(cents)).toBe(intl.format(cents / 100));
    }
    expect(formatEuros(123456)).not.toContain(' ');
  });

  it('stays exact beyond what a float can hold', () => {
    expect(plain(formatEuros(1234567890123456789n))).toBe('12 345 678 901 234 567,89 €');
  });

  it('refuses fractions of a cent', () => {
    expect(() => formatEuros(10.5)).toThrow();
  });

  it('writes dates day first', () => {
    expect(formatFrenchDate('2026-11-23')).toBe('23/11/2026');
    expect(() => formatFrenchDate('23/11/2026')).toThrow();
  });

  it('writes quantities and rates with a decimal comma and no useless zeros', () => {
    expect(formatQuantity(1500)).toBe('1,5');
    expect(formatQuantity(3000)).toBe('3');
    expect(formatQuantity(333)).toBe('0,333');
    expect(formatQuantity(-1000)).toBe('-1');
    expect(plain(formatVatRate(550))).toBe('5,5 %');
    expect(plain(formatVatRate(2000))).toBe('20 %');
    expect(plain(formatVatRate(210))).toBe('2,1 %');
    expect(scaledToDecimal(5, 2)).toBe('0.05');
  });
});
