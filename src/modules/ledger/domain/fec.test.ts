import { describe, expect, it } from 'vitest';
import { FEC_COLUMNS, fecAmount, fecDate, fecFileName, fecHeader, fecLine, fecText, letterCode, type FecLine } from './fec.js';

const line: FecLine = {
  journalCode: 'VT',
  journalLabel: 'Ventes',
  entryNumber: 12,
  entryDate: '2026-03-05',
  accountNumber: '411',
  accountLabel: 'Clients',
  auxiliaryNumber: 'C00042',
  auxiliaryLabel: 'Boulangerie | Martin',
  pieceRef: 'F-2026-0007',
  pieceDate: '2026-03-05',
  label: 'Facture F-2026-0007\t– Martin',
  debitCents: 120_050,
  creditCents: 0,
  letter: 'AAB',
  letterDate: '2026-04-01',
  validDate: '2026-03-05',
};

describe('the FEC line format (LPF art. A47 A-1)', () => {
  it('names the 18 columns in the published order', () => {
    expect(FEC_COLUMNS).toHaveLength(18);
    expect(fecHeader('tab')).toBe(`${FEC_COLUMNS.join('\t')}\r\n`);
    expect(fecHeader('pipe').split('|')[0]).toBe('JournalCode');
  });

  it('writes amounts with a decimal comma, dates as AAAAMMJJ', () => {
    expect(fecAmount(0)).toBe('0,00');
    expect(fecAmount(5)).toBe('0,05');
    expect(fecAmount(123_456)).toBe('1234,56');
    expect(fecDate('2026-12-31')).toBe('20261231');
  });

  it('writes 18 fields, the auxiliary account and the lettering, and strips the separators from texts', () => {
    const tab = fecLine(line, 'tab');
    expect(tab.endsWith('\r\n')).toBe(true);
    const fields = tab.slice(0, -2).split('\t');
    expect(fields).toHaveLength(18);
    expect(fields).toEqual([
      'VT', 'Ventes', '12', '20260305', '411', 'Clients', 'C00042', 'Boulangerie Martin', 'F-2026-0007', '20260305',
      'Facture F-2026-0007 – Martin', '1200,50', '0,00', 'AAB', '20260401', '20260305', '', '',
    ]);
    const pipe = fecLine(line, 'pipe').slice(0, -2).split('|');
    expect(pipe).toHaveLength(18);
    expect(pipe[7]).toBe('Boulangerie Martin');
  });

  it('leaves the lettering empty on a line no payment cleared', () => {
    const fields = fecLine({ ...line, letter: null, letterDate: null, auxiliaryNumber: null, auxiliaryLabel: null }, 'tab').slice(0, -2).split('\t');
    expect(fields[6]).toBe('');
    expect(fields[13]).toBe('');
    expect(fields[14]).toBe('');
  });

  it('removes tabs, pipes and line breaks from texts', () => {
    expect(fecText('a\tb|c\r\nd')).toBe('a b c d');
    expect(fecText(null)).toBe('');
  });

  it('gives each group a letter code of three letters at least', () => {
    expect(letterCode(0)).toBe('AAA');
    expect(letterCode(1)).toBe('AAB');
    expect(letterCode(26)).toBe('ABA');
    expect(letterCode(26 ** 3)).toBe('BAAA');
    expect(() => letterCode(-1)).toThrow();
  });

  it('names the file after the SIREN and the closing date', () => {
    expect(fecFileName('123456789', '2026-12-31')).toBe('123456789FEC20261231.txt');
  });
});
