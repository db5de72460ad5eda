import { describe, expect, it } from 'vitest';
import { centsToFrenchDecimal, csvField, frenchDate, neutraliseFormula, renderCsv } from './csv.js';

describe('CSV for French spreadsheets', () => {
  it('writes amounts with a decimal comma and two decimals', () => {
    expect(centsToFrenchDecimal(123_456)).toBe('1234,56');
    expect(centsToFrenchDecimal(5)).toBe('0,05');
    expect(centsToFrenchDecimal(-5)).toBe('-0,05');
    expect(centsToFrenchDecimal(0)).toBe('0,00');
  });

  it('quotes fields holding a separator, a quote or a line break', () => {
    expect(csvField('Prestations ; conseil')).toBe('"Prestations ; conseil"');
    expect(csvField('Dit "oui"')).toBe('"Dit ""oui"""');
    expect(csvField('plain')).toBe('plain');
    expect(csvField(null)).toBe('');
  });

  it('a text a spreadsheet would run as a formula is written as plain text, with a leading quote', () => {
    expect(csvField('=HYPERLINK("http://x","clic")')).toBe('"\'=HYPERLINK(""http://x"",""clic"")"');
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(neutraliseFormula(`${start}1+1`)).toBe(`'${start}1+1`);
    expect(neutraliseFormula('-cmd|calc')).toBe("'-cmd|calc");
    expect(neutraliseFormula('Boulangerie = pain')).toBe('Boulangerie = pain');
  });

  it('a negative amount stays a number the spreadsheet adds up, never quoted as text', () => {
    expect(csvField(centsToFrenchDecimal(-1_250))).toBe('-12,50');
    expect(csvField(-12.5)).toBe('-12.5');
    expect(csvField('+3')).toBe('+3');
    expect(renderCsv(['Débit'], [[centsToFrenchDecimal(-5)]]).slice(1).split('\r\n')[1]).toBe('-0,05');
  });

  it('starts with a byte order mark and separates fields with semicolons', () => {
    const csv = renderCsv(['Compte', 'Débit'], [['411', '10,00']]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual(['Compte;Débit', '411;10,00', '']);
  });

  it('writes dates day first', () => {
    expect(frenchDate('2026-03-01')).toBe('01/03/2026');
  });
});
