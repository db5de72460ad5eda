import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeStatementText } from './decode-statement-text.js';
import { fingerprintLines } from './line-fingerprint.js';
import { frenchAmountToCents, frenchDateToIso, parseCsvStatement, type CsvColumnMapping } from './parse-csv-statement.js';

const NBSP = '\u00a0';
const signed: CsvColumnMapping = { date: 'Date', amount: 'Montant', label: 'Libellé', reference: 'Référence' };
const split: CsvColumnMapping = { date: 'Date opération', debit: 'Débit', credit: 'Crédit', label: 'Libellé', counterparty: 'Tiers' };

function read(content: string, mapping: CsvColumnMapping) {
  const result = parseCsvStatement(content, mapping);
  if (!result.ok) throw new Error(JSON.stringify(result.problems, null, 2));
  return result.value;
}
function problemsOf(content: string, mapping: CsvColumnMapping) {
  const result = parseCsvStatement(content, mapping);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.problems;
}

describe('reading a CSV bank statement', () => {
  it('reads a French export with a BOM, a preamble, semicolons, comma decimals and no-break spaces', () => {
    const content = [
      '\ufeffCompte courant n° 00081234567;;;',
      'Période du 01/11/2026 au 20/11/2026;;;',
      '',
      'Date;Libellé;Montant;Référence',
      `20/11/2026;VIR SEPA RECU /DE ATELIER DU BOIS;1${NBSP}440,00;F2026-00042`,
      '20/11/2026;PRLV SEPA ORANGE SA;-89,90;',
      `19/11/2026;"COTISATION CARTE; BUSINESS";-12,30 €;`,
      ';;;',
    ].join('\r\n');
    const statement = read(content, signed);
    expect(statement.delimiter).toBe(';');
    expect(statement.headerLine).toBe(4);
    expect(statement.lines).toEqual([
      { lineNumber: 5, bookingDate: '2026-11-20', valueDate: null, amountCents: 144_000, currency: 'EUR', label: 'VIR SEPA RECU /DE ATELIER DU BOIS', remittance: 'F2026-00042', counterpartyName: null },
      { lineNumber: 6, bookingDate: '2026-11-20', valueDate: null, amountCents: -8_990, currency: 'EUR', label: 'PRLV SEPA ORANGE SA', remittance: '', counterpartyName: null },
      { lineNumber: 7, bookingDate: '2026-11-19', valueDate: null, amountCents: -1_230, currency: 'EUR', label: 'COTISATION CARTE; BUSINESS', remittance: '', counterpartyName: null },
    ]);
  });

  it('reads a comma-separated file whose French amounts are quoted, with debit and credit columns', () => {
    const content = [
      'Date opération,Libellé,Tiers,Débit,Crédit',
      '20/11/2026,"VIR ""RECU"" F2026-00045",Commune de Saint-Malo,,"2 580,00"',
      '20/11/2026,PRLV URSSAF,URSSAF Bretagne,"1 234,56",',
      '21/11/2026,FRAIS,,"-4,50",',
    ].join('\n');
    const statement = read(content, split);
    expect(statement.delimiter).toBe(',');
    expect(statement.lines.map((l) => [l.lineNumber, l.amountCents, l.label, l.counterpartyName])).toEqual([
      [2, 258_000, 'VIR "RECU" F2026-00045', 'Commune de Saint-Malo'],
      [3, -123_456, 'PRLV URSSAF', 'URSSAF Bretagne'],
      [4, -450, 'FRAIS', null],
    ]);
  });

  it('matches the mapped column names regardless of case and accents', () => {
    const statement = read('DATE;LIBELLE;MONTANT;REFERENCE\n01/12/2026;VIR;10,00;X\n', signed);
    expect(statement.lines[0]).toMatchObject({ amountCents: 1_000, remittance: 'X' });
  });

  it('counts the lines of a label broken over several lines inside quotes', () => {
    const content = 'Date;Libellé;Montant\n01/12/2026;"VIR SEPA\nF2026-00050";100,00\n02/12/2026;FRAIS;-1,00\n';
    const statement = read(content, { date: 'Date', amount: 'Montant', label: 'Libellé' });
    expect(statement.lines.map((l) => [l.lineNumber, l.label])).toEqual([
      [2, 'VIR SEPA F2026-00050'],
      [4, 'FRAIS'],
    ]);
  });
});

describe('French amounts and dates', () => {
  it('reads amounts in cents whatever the thousands separator and the place of the sign', () => {
    expect(frenchAmountToCents(`1${NBSP}234,56`)).toBe(123_456);
    expect(frenchAmountToCents('1\u202f234,56')).toBe(123_456);
    expect(frenchAmountToCents('1.234,56')).toBe(123_456);
    expect(frenchAmountToCents('1,234.56')).toBe(123_456);
    expect(frenchAmountToCents('1234.5')).toBe(123_450);
    expect(frenchAmountToCents('-12,30')).toBe(-1_230);
    expect(frenchAmountToCents('12,30-')).toBe(-1_230);
    expect(frenchAmountToCents('+0,07')).toBe(7);
    expect(frenchAmountToCents('(4,50)')).toBe(-450);
    expect(frenchAmountToCents('1.234')).toBe(123_400);
  });

  it('refuses amounts with a fraction of a cent or misplaced separators', () => {
    for (const text of ['', 'abc', '12,345,6', '1,2345', '12,305', '1,234', '1.234.5', '1,234,56', '1.234,567.8', '--1']) expect(frenchAmountToCents(text)).toBeNull();
  });

  it('reads DD/MM/YYYY days and refuses days that do not exist', () => {
    expect(frenchDateToIso('05/11/2026')).toBe('2026-11-05');
    expect(frenchDateToIso('5/1/26')).toBe('2026-01-05');
    expect(frenchDateToIso('29.02.2028')).toBe('2028-02-29');
    expect(frenchDateToIso('2026-11-05')).toBe('2026-11-05');
    expect(frenchDateToIso('31/11/2026')).toBeNull();
    expect(frenchDateToIso('11/31/2026')).toBeNull();
    expect(frenchDateToIso('2026/11/05')).toBeNull();
  });
});

describe('the formats a person declares for a bank export', () => {
  it('reads "1,234" as thousands and "1.234,5" as refused once the decimal mark is declared', () => {
    expect(frenchAmountToCents('1,234', '.')).toBe(123_400);
    expect(frenchAmountToCents('1,234.56', '.')).toBe(123_456);
    expect(frenchAmountToCents('1.234,56', '.')).toBeNull();
    expect(frenchAmountToCents('1 234,56', ',')).toBe(123_456);
    expect(frenchAmountToCents('12.30', ',')).toBeNull();
    expect(frenchAmountToCents('-0,07', ',')).toBe(-7);
  });

  it('reads month-first dates only when told, and ISO dates only in their order', () => {
    expect(frenchDateToIso('11/05/2026', 'MDY')).toBe('2026-11-05');
    expect(frenchDateToIso('11/05/2026', 'DMY')).toBe('2026-05-11');
    expect(frenchDateToIso('2026-11-05', 'DMY')).toBeNull();
    expect(frenchDateToIso('05/11/2026', 'YMD')).toBeNull();
    expect(frenchDateToIso('2026-11-05', 'YMD')).toBe('2026-11-05');
  });

  it('says which date format it expected when a date does not fit the declared one', () => {
    const result = parseCsvStatement('Date;Label;Amount\n2026-11-05;FEE;-1.50\n', { date: 'Date', label: 'Label', amount: 'Amount' }, { dateOrder: 'MDY', decimalSeparator: '.' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]).toMatchObject({ line: 2, column: 'Date', message: { en: 'Unreadable date "2026-11-05" (expected MM/DD/YYYY).' } });
  });
});

describe('refusing a CSV statement, with the line and the column of every problem', () => {
  it('lists every unreadable cell by line and column header, and imports nothing', () => {
    const content = 'Date;Libellé;Montant\n31/11/2026;VIR;10,00\n01/12/2026;FRAIS;douze\n02/12/2026;OK;1,00\n';
    expect(problemsOf(content, { date: 'Date', amount: 'Montant', label: 'Libellé' })).toEqual([
      expect.objectContaining({ line: 2, column: 'Date' }),
      expect.objectContaining({ line: 3, column: 'Montant' }),
    ]);
  });

  it('refuses a line with both a debit and a credit, or with neither', () => {
    const content = 'Date opération;Libellé;Tiers;Débit;Crédit\n01/12/2026;A;;1,00;2,00\n01/12/2026;B;;;\n';
    expect(problemsOf(content, split)).toEqual([
      expect.objectContaining({ line: 2, column: 'Crédit' }),
      expect.objectContaining({ line: 3, column: 'Débit' }),
    ]);
  });

  it('says which columns it looked for when no header line has them all', () => {
    const [problem] = problemsOf('Date;Libellé;Somme\n01/12/2026;VIR;1,00\n', signed);
    expect(problem).toMatchObject({ line: 1 });
    expect(problem!.message.fr).toContain('« Montant »');
  });

  it('points at the line where a quote is opened and never closed', () => {
    const [problem] = problemsOf('Date;Libellé;Montant\n01/12/2026;VIR;1,00\n02/12/2026;"VIR;2,00\n', { date: 'Date', amount: 'Montant', label: 'Libellé' });
    expect(problem).toMatchObject({ line: 3 });
  });
});

describe('importing a month of a French bank CSV export', () => {
  const bytes = readFileSync(new URL('./fixtures/releve-novembre-2026.csv', import.meta.url));
  const mapping: CsvColumnMapping = { date: 'Date', valueDate: 'Date de valeur', label: 'Libellé', reference: 'Référence', debit: 'Débit', credit: 'Crédit' };
  const statement = read(decodeStatementText(bytes), mapping);

  it('reads every movement of the Windows-1252 export below its preamble, money in positive and money out negative', () => {
    expect(statement.headerLine).toBe(5);
    expect(statement.lines.map((l) => [l.lineNumber, l.bookingDate, l.valueDate, l.amountCents])).toEqual([
      [6, '2026-11-03', '2026-11-03', 144_000],
      [7, '2026-11-05', '2026-11-05', -8_990],
      [8, '2026-11-07', '2026-11-06', -15_672],
      [9, '2026-11-12', '2026-11-12', 45_000],
      [10, '2026-11-15', '2026-11-15', -1_230],
      [11, '2026-11-20', '2026-11-20', 258_000],
      [12, '2026-11-28', '2026-11-28', -800],
    ]);
    expect(statement.lines[6]!.label).toBe('FRAIS TENUE DE COMPTE – NOVEMBRE');
    expect(statement.lines[5]!.remittance).toBe('F2026 00045 ; mandat 2026-118');
  });

  it('gives each movement its own fingerprint, the same on a second import', () => {
    const iban = 'FR7613807000011234567890123';
    const first = fingerprintLines(statement.lines, iban);
    expect(new Set(first).size).toBe(first.length);
    expect(fingerprintLines(read(decodeStatementText(bytes), mapping).lines, iban)).toEqual(first);
  });
});
