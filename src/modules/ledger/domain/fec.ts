/**
 * The FEC (fichier des écritures comptables) every company keeping its books by computer
 * hands to the tax authorities on request (LPF art. L47 A-I): one line per entry line, the 18
 * columns of LPF art. A47 A-1 in their order and with their published names, fields separated
 * by a tab or a pipe, amounts with a decimal comma, dates as AAAAMMJJ, the file named
 * `<SIREN>FEC<AAAAMMJJ>` after the closing date of the fiscal year.
 */
export const FEC_COLUMNS = [
  'JournalCode',
  'JournalLib',
  'EcritureNum',
  'EcritureDate',
  'CompteNum',
  'CompteLib',
  'CompAuxNum',
  'CompAuxLib',
  'PieceRef',
  'PieceDate',
  'EcritureLib',
  'Debit',
  'Credit',
  'EcritureLet',
  'DateLet',
  'ValidDate',
  'Montantdevise',
  'Idevise',
] as const;

export const FEC_SEPARATORS = { tab: '\t', pipe: '|' } as const;
export type FecSeparator = keyof typeof FEC_SEPARATORS;

/** Lines end with CR LF, as the administration's test tool reads them. */
export const FEC_EOL = '\r\n';

/** `<SIREN>FEC<AAAAMMJJ>.txt`, the date being the closing date of the fiscal year. */
export const fecFileName = (siren: string, closingDate: string) => `${siren}FEC${fecDate(closingDate)}.txt`;

/** 'YYYY-MM-DD' → 'AAAAMMJJ'. */
export const fecDate = (isoDate: string) => isoDate.slice(0, 10).replaceAll('-', '');

/** Cents with a decimal comma and no grouping: 123456 → "1234,56", 0 → "0,00". */
export function fecAmount(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}

/** A text field: no separator, tab or line break inside it (they would shift the columns), trimmed. */
export const fecText = (text: string | null | undefined) => (text ?? '').replace(/\s*[\t|\r\n]+\s*/g, ' ').trim();

/**
 * The letter code of a cleared group (EcritureLet): letters A–Z, three at least (AAA, AAB…),
 * from a number unique to the group in the file.
 */
export function letterCode(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`no letter code for ${n}`);
  let out = '';
  let rest = n;
  do {
    out = String.fromCharCode(65 + (rest % 26)) + out;
    rest = Math.floor(rest / 26);
  } while (rest > 0);
  return out.padStart(3, 'A');
}

/** One line of an entry as the FEC writes it. */
export interface FecLine {
  journalCode: string;
  journalLabel: string;
  entryNumber: number;
  entryDate: string;
  accountNumber: string;
  accountLabel: string;
  auxiliaryNumber: string | null;
  auxiliaryLabel: string | null;
  pieceRef: string;
  pieceDate: string;
  label: string;
  debitCents: number;
  creditCents: number;
  /** Set when the line belongs to a group of 411 lines that clear each other (invoice paid). */
  letter: string | null;
  letterDate: string | null;
  validDate: string;
}

export const fecHeader = (separator: FecSeparator) => FEC_COLUMNS.join(FEC_SEPARATORS[separator]) + FEC_EOL;

/** One line of the file, its end included. Foreign-currency columns stay empty: the books are kept in euros. */
export function fecLine(l: FecLine, separator: FecSeparator): string {
  const fields = [
    fecText(l.journalCode),
    fecText(l.journalLabel),
    String(l.entryNumber),
    fecDate(l.entryDate),
    fecText(l.accountNumber),
    fecText(l.accountLabel),
    fecText(l.auxiliaryNumber),
    fecText(l.auxiliaryLabel),
    fecText(l.pieceRef),
    fecDate(l.pieceDate),
    fecText(l.label),
    fecAmount(l.debitCents),
    fecAmount(l.creditCents),
    fecText(l.letter),
    l.letterDate ? fecDate(l.letterDate) : '',
    fecDate(l.validDate),
    '',
    '',
  ];
  return fields.join(FEC_SEPARATORS[separator]) + FEC_EOL;
}
