import { describe, expect, it } from 'vitest';
import { fecHeader, fecLine, type FecLine } from './fec.js';
import { fecProblems, fecProblemsOfStream } from './fec-problems.js';

const year = { startDate: '2026-01-01', endDate: '2026-12-31' };
const base: FecLine = {
  journalCode: 'VT', journalLabel: 'Ventes', entryNumber: 1, entryDate: '2026-02-01', accountNumber: '411', accountLabel: 'Clients',
  auxiliaryNumber: 'C00001', auxiliaryLabel: 'Martin', pieceRef: 'F-1', pieceDate: '2026-02-01', label: 'Facture F-1',
  debitCents: 1200, creditCents: 0, letter: null, letterDate: null, validDate: '2026-02-01',
};
const entry = (n: number, extra: Partial<FecLine> = {}) => [
  fecLine({ ...base, entryNumber: n, ...extra }, 'tab'),
  fecLine({ ...base, entryNumber: n, accountNumber: '706', accountLabel: 'Prestations', auxiliaryNumber: null, auxiliaryLabel: null, debitCents: 0, creditCents: 1200, ...extra }, 'tab'),
];

describe('the FEC checker', () => {
  it('accepts a well-formed file', () => {
    expect(fecProblems(fecHeader('tab') + [...entry(1), ...entry(2)].join(''), year)).toEqual([]);
  });

  it('finds a wrong header, a missing field, a gap in the numbers, an unbalanced entry and a date out of the year', () => {
    expect(fecProblems(fecHeader('tab').replace('PieceRef', 'Piece') + entry(1).join(''), year)[0]).toMatch(/header/);
    const cut = fecLine(base, 'tab').replace(/\t[^\t]*\r\n$/, '\r\n');
    expect(fecProblems(fecHeader('tab') + cut + entry(1)[1], year).join()).toMatch(/17 fields/);
    expect(fecProblems(fecHeader('tab') + [...entry(1), ...entry(3)].join(''), year).join()).toMatch(/not continuous/);
    expect(fecProblems(fecHeader('tab') + entry(1)[0], year).join()).toMatch(/unbalanced/);
    expect(fecProblems(fecHeader('tab') + entry(1, { entryDate: '2027-01-02' }).join(''), year).join()).toMatch(/outside the fiscal year/);
    expect(fecProblems(fecHeader('tab') + entry(1, { validDate: '2026-02-30' }).join(''), year).join()).toMatch(/ValidDate/);
    expect(fecProblems(fecHeader('tab') + entry(1, { letter: 'AAA' }).join(''), year).join()).toMatch(/DateLet go together/);
  });

  it('reads a pipe-separated file', () => {
    const text = fecHeader('pipe') + fecLine(base, 'pipe') + fecLine({ ...base, accountNumber: '706', debitCents: 0, creditCents: 1200 }, 'pipe');
    expect(fecProblems(text, year)).toEqual([]);
  });

  it('checks a file as it streams, cut anywhere, as it checks the whole text', async () => {
    const good = fecHeader('tab') + [...entry(1), ...entry(2), ...entry(3)].join('');
    const bad = fecHeader('tab') + [...entry(1), entry(2)[0]!, ...entry(4), entry(2)[1]!].join('');
    async function* cut(text: string, size: number) {
      for (let i = 0; i < text.length; i += size) yield Buffer.from(text.slice(i, i + size));
    }
    for (const size of [1, 7, 100, 10_000]) {
      expect(await fecProblemsOfStream(cut(good, size), year)).toEqual([]);
      expect(await fecProblemsOfStream(cut(bad, size), year)).toEqual(fecProblems(bad, year));
    }
    expect(fecProblems(bad, year).join()).toMatch(/entry 2 are not together/);
    expect(fecProblems(bad, year).join()).toMatch(/3 expected, 4 found/);
  });

  it('reports at most 100 problems of a broken file', () => {
    const lines = Array.from({ length: 300 }, (_, i) => entry(i + 1, { entryDate: '2027-01-02' }).join(''));
    expect(fecProblems(fecHeader('tab') + lines.join(''), year)).toHaveLength(100);
  });
});
