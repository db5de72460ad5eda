import type { LocalizedText } from '../../../platform/errors.js';
import type { ParseResult, StatementProblem } from './statement-problem.js';

/**
 * Bank statements exported as CSV from online banking, for banks or accounts that offer no
 * camt.053. Every bank has its own columns, so the staff member maps them once per account;
 * the values follow French habits: dates DD/MM/YYYY, "1 234,56" with a comma and spaces
 * (often no-break spaces), debits as negative amounts or in a column of their own.
 *
 * The file is taken whole or not at all: one unreadable line refuses the import with every
 * problem listed by line and column, since a partly imported statement would leave the bank
 * account in the books different from the bank's.
 */
export type CsvColumnMapping = {
  /** Header names of the columns, as they appear in the file (case and accents ignored). */
  date: string;
  valueDate?: string;
  label: string;
  reference?: string;
  counterparty?: string;
} & ({ amount: string; debit?: undefined; credit?: undefined } | { amount?: undefined; debit: string; credit: string });

export interface CsvStatementLine {
  /** The line of the file the record starts on (1-based, counting the header and anything above it). */
  lineNumber: number;
  bookingDate: string;
  valueDate: string | null;
  /** Signed: money in is positive, money out negative. */
  amountCents: number;
  currency: string;
  label: string;
  /** The reference column, when mapped: searched for invoice numbers like a transfer's remittance. */
  remittance: string;
  counterpartyName: string | null;
}

export interface CsvStatement {
  delimiter: ';' | ',';
  headerLine: number;
  lines: CsvStatementLine[];
}

/** Preamble lines (account number, period…) some banks write above the header. */
const MAX_LINES_BEFORE_HEADER = 20;

const said = (fr: string, en: string): LocalizedText => ({ fr, en });

interface CsvRecord {
  line: number;
  cells: string[];
}

/** RFC 4180 records: quoted fields may hold the delimiter, doubled quotes and line breaks. */
function splitRecords(text: string, delimiter: string): { records: CsvRecord[]; problem: StatementProblem | null } {
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let quoteLine = 0;
  let i = 0;
  const endRecord = () => {
    cells.push(cell);
    // Blank rows (";;;;") are how spreadsheets space a statement out: not lines to read.
    if (cells.some((c) => c.trim() !== '')) records.push({ line: recordLine, cells });
    cells = [];
    cell = '';
  };
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else {
        if (c === '\n') line += 1;
        cell += c;
      }
      i += 1;
      continue;
    }
    if (c === '"' && cell.trim() === '') {
      quoted = true;
      quoteLine = line;
      cell = '';
    } else if (c === delimiter) {
      cells.push(cell);
      cell = '';
    } else if (c === '\r' || c === '\n') {
      endRecord();
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      line += 1;
      recordLine = line;
    } else cell += c;
    i += 1;
  }
  if (quoted) {
    return {
      records,
      problem: { line: quoteLine, column: '', message: said('Guillemet ouvert jamais refermé.', 'A quote is opened and never closed.') },
    };
  }
  if (cell !== '' || cells.length) endRecord();
  return { records, problem: null };
}

const comparable = (name: string) =>
  name.normalize('NFD').replace(/\p{M}/gu, '').replace(/\s+/g, ' ').trim().toLowerCase();

function mappedNames(mapping: CsvColumnMapping): [keyof CsvColumnMapping, string][] {
  return (Object.entries(mapping) as [keyof CsvColumnMapping, string | undefined][]).filter(
    (pair): pair is [keyof CsvColumnMapping, string] => typeof pair[1] === 'string',
  );
}

/** The header: the first record, among the first lines, that names every mapped column. */
function findHeader(records: CsvRecord[], mapping: CsvColumnMapping) {
  const wanted = mappedNames(mapping);
  for (const record of records.slice(0, MAX_LINES_BEFORE_HEADER + 1)) {
    const names = record.cells.map(comparable);
    const index: Partial<Record<keyof CsvColumnMapping, number>> = {};
    for (const [key, name] of wanted) {
      const at = names.indexOf(comparable(name));
      if (at >= 0) index[key] = at;
    }
    if (Object.keys(index).length === wanted.length) return { record, index, position: records.indexOf(record) };
  }
  return null;
}

const SPACES = /[\s\u00a0\u202f]/g;

/**
 * "1 234,56", "1.234,56", "-12,30", "12,30-", "+5", "1234.56", "12,30 €" in signed cents.
 * The separator followed by one or two digits at the end is the decimal one; any other
 * separator groups thousands and must be followed by three digits. A comma alone is always
 * the decimal comma.
 */
export function frenchAmountToCents(text: string, decimalSeparator?: DecimalSeparator): number | null {
  let s = text.replace(SPACES, '').replace(/€|EUR$/i, '');
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1);
  }
  if (/^[+-]/.test(s)) {
    negative = negative || s[0] === '-';
    s = s.slice(1);
  } else if (/[+-]$/.test(s)) {
    negative = negative || s.endsWith('-');
    s = s.slice(0, -1);
  }
  let cents: number;
  if (decimalSeparator) {
    // Declared by the person who knows the bank's export: the other mark only groups thousands.
    const grouping = decimalSeparator === ',' ? '\\.' : ',';
    const decimal = decimalSeparator === ',' ? ',' : '\\.';
    const m = new RegExp(`^(\\d{1,3}(?:${grouping}\\d{3})*|\\d+)(?:${decimal}(\\d{1,2}))?$`).exec(s);
    if (!m) return null;
    cents = Number(m[1]!.replace(/[.,]/g, '')) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  } else {
    const m = /^(\d{1,3}(?:[.,]\d{3})*|\d+)(?:([.,])(\d{1,2}))?$/.exec(s);
    if (!m) return null;
    const [, units, separator, fraction = ''] = m;
    const grouping = new Set(units!.replace(/\d/g, ''));
    if (grouping.size > 1 || (separator && grouping.has(separator))) return null;
    // A lone comma is the French decimal comma: "12,305" is a fraction of a cent, not 12 305.
    if (!separator && grouping.has(',')) return null;
    cents = Number(units!.replace(/[.,]/g, '')) * 100 + Number(fraction.padEnd(2, '0'));
  }
  if (!Number.isSafeInteger(cents)) return null;
  return negative && cents !== 0 ? -cents : cents;
}

/**
 * DD/MM/YYYY (also with "-" or "." and a two-digit year) or YYYY-MM-DD, as 'YYYY-MM-DD'; null
 * when not a real day. With `order` 'MDY' the first two numbers are month then day (exports
 * of some online banks set to English); 'DMY' or 'YMD' accept only that order.
 */
export function frenchDateToIso(text: string, order?: DateOrder): string | null {
  const s = text.trim();
  let day: number, month: number, year: number;
  const fr = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/.exec(s);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (fr && order !== 'YMD') {
    [day, month, year] = order === 'MDY' ? [Number(fr[2]), Number(fr[1]), Number(fr[3])] : [Number(fr[1]), Number(fr[2]), Number(fr[3])];
    if (fr[3]!.length === 2) year += 2000;
  } else if (iso && (order === undefined || order === 'YMD')) {
    [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  } else return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

export type DateOrder = 'DMY' | 'YMD' | 'MDY';

const EXPECTED_DATE: Record<DateOrder, LocalizedText> = {
  DMY: { fr: 'JJ/MM/AAAA', en: 'DD/MM/YYYY' },
  YMD: { fr: 'AAAA-MM-JJ', en: 'YYYY-MM-DD' },
  MDY: { fr: 'MM/JJ/AAAA', en: 'MM/DD/YYYY' },
};
export type DecimalSeparator = ',' | '.';

/** How the values of one bank's export are written, when the person states it (else guessed from French habits). */
export interface CsvReadOptions {
  currency?: string;
  dateOrder?: DateOrder;
  decimalSeparator?: DecimalSeparator;
}

/** Reads a CSV statement with the account's column mapping; `;` or `,` is detected from the header. */
export function parseCsvStatement(content: string, mapping: CsvColumnMapping, options: CsvReadOptions = {}): ParseResult<CsvStatement> {
  const { currency = 'EUR', dateOrder, decimalSeparator } = options;
  const text = content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;

  let found: { delimiter: ';' | ','; records: CsvRecord[]; header: NonNullable<ReturnType<typeof findHeader>> } | null = null;
  let quoteProblem: StatementProblem | null = null;
  for (const delimiter of [';', ','] as const) {
    const { records, problem } = splitRecords(text, delimiter);
    const header = findHeader(records, mapping);
    if (header && (!found || header.record.cells.length > found.header.record.cells.length)) {
      found = { delimiter, records, header };
      quoteProblem = problem;
    }
    if (!found && problem) quoteProblem = problem;
  }
  if (!found) {
    const missing = mappedNames(mapping).map(([, name]) => `« ${name} »`).join(', ');
    return {
      ok: false,
      problems: [
        quoteProblem ?? {
          line: 1,
          column: '',
          message: said(
            `Aucune ligne d’en-tête ne contient toutes les colonnes attendues : ${missing}.`,
            `No header line holds all the expected columns: ${missing.replace(/« | »/g, '"')}.`,
          ),
        },
      ],
    };
  }
  if (quoteProblem) return { ok: false, problems: [quoteProblem] };

  const { delimiter, records, header } = found;
  const headerCells = header.record.cells.map((c) => c.trim());
  const problems: StatementProblem[] = [];
  const lines: CsvStatementLine[] = [];

  for (const record of records.slice(header.position + 1)) {
    const cell = (key: keyof CsvColumnMapping) => {
      const at = header.index[key];
      return at === undefined ? '' : (record.cells[at] ?? '').trim();
    };
    const columnOf = (key: keyof CsvColumnMapping) => headerCells[header.index[key]!] ?? String(header.index[key]! + 1);
    const problem = (key: keyof CsvColumnMapping, message: LocalizedText) => problems.push({ line: record.line, column: columnOf(key), message });

    const bookingDate = frenchDateToIso(cell('date'), dateOrder);
    if (!bookingDate) {
      problem('date', said(`Date illisible « ${cell('date')} » (attendu ${EXPECTED_DATE[dateOrder ?? 'DMY'].fr}).`, `Unreadable date "${cell('date')}" (expected ${EXPECTED_DATE[dateOrder ?? 'DMY'].en}).`));
    }
    let valueDate: string | null = null;
    if (mapping.valueDate && cell('valueDate')) {
      valueDate = frenchDateToIso(cell('valueDate'), dateOrder);
      if (!valueDate) {
        problem('valueDate', said(`Date de valeur illisible « ${cell('valueDate')} ».`, `Unreadable value date "${cell('valueDate')}".`));
      }
    }

    let amountCents: number | null = null;
    if (mapping.amount !== undefined) {
      amountCents = frenchAmountToCents(cell('amount'), decimalSeparator);
      if (amountCents === null) {
        problem('amount', said(`Montant illisible « ${cell('amount')} ».`, `Unreadable amount "${cell('amount')}".`));
      }
    } else {
      const debitText = cell('debit');
      const creditText = cell('credit');
      const debit = debitText ? frenchAmountToCents(debitText, decimalSeparator) : 0;
      const credit = creditText ? frenchAmountToCents(creditText, decimalSeparator) : 0;
      if (debit === null) problem('debit', said(`Débit illisible « ${debitText} ».`, `Unreadable debit "${debitText}".`));
      if (credit === null) problem('credit', said(`Crédit illisible « ${creditText} ».`, `Unreadable credit "${creditText}".`));
      if (debit !== null && credit !== null) {
        if (debit !== 0 && credit !== 0) {
          problem('credit', said('La ligne a à la fois un débit et un crédit.', 'The line has both a debit and a credit.'));
        } else if (debit === 0 && credit === 0) {
          problem('debit', said('La ligne n’a ni débit ni crédit.', 'The line has neither a debit nor a credit.'));
        } else {
          // Some banks write the debit column with a minus sign, others without: it is money out either way.
          amountCents = debit !== 0 ? -Math.abs(debit) : Math.abs(credit);
        }
      }
    }
    if (amountCents === 0) problem(mapping.amount !== undefined ? 'amount' : 'debit', said('Montant nul.', 'Zero amount.'));

    if (bookingDate && amountCents !== null && amountCents !== 0) {
      const counterparty = cell('counterparty');
      lines.push({
        lineNumber: record.line,
        bookingDate,
        valueDate,
        amountCents,
        currency,
        label: cell('label').replace(/\s+/g, ' '),
        remittance: cell('reference').replace(/\s+/g, ' '),
        counterpartyName: counterparty ? counterparty.replace(/\s+/g, ' ') : null,
      });
    }
  }

  if (problems.length) return { ok: false, problems };
  return { ok: true, value: { delimiter, headerLine: header.record.line, lines } };
}
