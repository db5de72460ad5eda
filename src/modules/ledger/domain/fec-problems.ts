import { FEC_COLUMNS } from './fec.js';

/**
 * A checker of FEC files written from the published format (LPF art. A47 A-1, and the
 * administration's notes on it), independent of the code that writes them: what a tax auditor's
 * tool refuses is found here first. Returns the problems, an empty list for a valid file.
 */
export interface FecCheckOptions {
  /** The fiscal year the file is for: every EcritureDate falls in it. */
  startDate: string;
  endDate: string;
}

const DATE = /^\d{8}$/;
const AMOUNT = /^-?\d+(,\d{1,2})?$/;

function isRealDate(d: string): boolean {
  if (!DATE.test(d)) return false;
  const y = Number(d.slice(0, 4));
  const m = Number(d.slice(4, 6));
  const day = Number(d.slice(6, 8));
  const date = new Date(Date.UTC(y, m - 1, day));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === day;
}

const cents = (amount: string) => {
  const [units, decimals = ''] = amount.replace('-', '').split(',');
  const value = Number(units) * 100 + Number(decimals.padEnd(2, '0'));
  return amount.startsWith('-') ? -value : value;
};

/** Distinct problems kept at most: a broken file of millions of lines reports its first ones, in bounded memory. */
const MAX_PROBLEMS = 100;
/** Entry numbers up to this are remembered in a bit set (6 MB at most); larger ones, a sign of a broken file, in a set. */
const BITSET_LIMIT = 50_000_000;

/** The entry numbers seen, one bit each: 5,000,000 lines of 2,000,000 entries hold 250 kB, not a map of millions. */
class SeenNumbers {
  private bits = new Uint8Array(1024);
  private large = new Set<number>();
  max = 0;
  has(n: number): boolean {
    if (n > BITSET_LIMIT) return this.large.has(n);
    return n >> 3 < this.bits.length && (this.bits[n >> 3]! & (1 << (n & 7))) !== 0;
  }
  add(n: number): void {
    this.max = Math.max(this.max, n);
    if (n > BITSET_LIMIT) {
      this.large.add(n);
      return;
    }
    if (n >> 3 >= this.bits.length) {
      const grown = new Uint8Array(Math.max(this.bits.length * 2, (n >> 3) + 1));
      grown.set(this.bits);
      this.bits = grown;
    }
    this.bits[n >> 3]! |= 1 << (n & 7);
  }
  /** The numbers in increasing order. */
  *sorted(): Generator<number> {
    for (let n = 1; n <= Math.min(this.max, BITSET_LIMIT); n++) if (this.has(n)) yield n;
    yield* [...this.large].sort((a, b) => a - b);
  }
}

/**
 * The checker fed one line at a time (header first, without its line break), so a file of
 * millions of lines is checked as it streams: it keeps the running balance of the current
 * entry and one bit per entry number, never the file. An entry's lines must be together (the
 * format says so), so each run of lines of one number is balanced on its own.
 */
export function fecChecker(opts: FecCheckOptions): { line(text: string): void; finish(): string[] } {
  const problems = new Set<string>();
  const problem = (p: string) => {
    if (problems.size < MAX_PROBLEMS) problems.add(p);
  };
  const start = opts.startDate.replaceAll('-', '');
  const end = opts.endDate.replaceAll('-', '');
  const col = Object.fromEntries(FEC_COLUMNS.map((c, i) => [c, i])) as Record<(typeof FEC_COLUMNS)[number], number>;
  let separator: string | null = null;
  let lineNo = 0;
  let headerless = false;
  const seen = new SeenNumbers();
  const unbalanced: string[] = [];
  let current: number | null = null;
  let balance = 0;
  const closeEntry = () => {
    if (current !== null && balance !== 0 && unbalanced.length < MAX_PROBLEMS) unbalanced.push(`entry ${current} is unbalanced by ${balance} cents`);
  };

  function header(text: string) {
    separator = text.includes('\t') ? '\t' : text.includes('|') ? '|' : null;
    if (!separator) {
      headerless = true;
      return;
    }
    const names = text.split(separator);
    if (names.join(',') !== FEC_COLUMNS.join(',')) problem(`the header is not the 18 columns in order: ${names.join(',')}`);
  }

  function line(text: string) {
    lineNo++;
    if (lineNo === 1) return header(text);
    if (headerless) return;
    const at = `line ${lineNo}`;
    const f = text.split(separator!);
    if (f.length !== 18) {
      problem(`${at}: ${f.length} fields instead of 18`);
      return;
    }
    const get = (c: keyof typeof col) => f[col[c]]!;
    for (const c of ['JournalCode', 'JournalLib', 'EcritureNum', 'CompteNum', 'CompteLib', 'PieceRef', 'EcritureLib'] as const) {
      if (!get(c).trim()) problem(`${at}: ${c} is empty`);
    }
    for (const c of ['EcritureDate', 'PieceDate', 'ValidDate'] as const) {
      if (!isRealDate(get(c))) problem(`${at}: ${c} "${get(c)}" is not a date AAAAMMJJ`);
    }
    if (get('EcritureDate') < start || get('EcritureDate') > end) problem(`${at}: EcritureDate ${get('EcritureDate')} is outside the fiscal year`);
    if (!AMOUNT.test(get('Debit')) || !AMOUNT.test(get('Credit'))) {
      problem(`${at}: Debit "${get('Debit')}" or Credit "${get('Credit')}" is not an amount with a decimal comma`);
      return;
    }
    const debit = cents(get('Debit'));
    const credit = cents(get('Credit'));
    if (debit !== 0 && credit !== 0) problem(`${at}: both a debit and a credit`);
    if (Boolean(get('EcritureLet')) !== Boolean(get('DateLet'))) problem(`${at}: EcritureLet and DateLet go together`);
    if (get('DateLet') && !isRealDate(get('DateLet'))) problem(`${at}: DateLet "${get('DateLet')}" is not a date AAAAMMJJ`);
    if (Boolean(get('Montantdevise')) !== Boolean(get('Idevise'))) problem(`${at}: Montantdevise and Idevise go together`);
    if (get('CompAuxLib') && !get('CompAuxNum')) problem(`${at}: CompAuxLib without CompAuxNum`);
    const num = Number(get('EcritureNum'));
    if (!Number.isInteger(num) || num < 1) {
      problem(`${at}: EcritureNum "${get('EcritureNum')}" is not a positive whole number`);
      return;
    }
    if (current !== num) {
      closeEntry();
      if (seen.has(num)) problem(`${at}: the lines of entry ${num} are not together`);
      seen.add(num);
      current = num;
      balance = 0;
    }
    balance += debit - credit;
  }

  function finish(): string[] {
    if (lineNo === 0 || headerless) return ['the header holds neither a tab nor a pipe separator'];
    closeEntry();
    for (const p of unbalanced) problem(p);
    let expected = 1;
    for (const n of seen.sorted()) {
      if (problems.size >= MAX_PROBLEMS) break;
      if (n !== expected) problem(`entry numbers are not continuous from 1: ${expected} expected, ${n} found`);
      expected++;
    }
    return [...problems];
  }

  return { line, finish };
}

/** The problems of a whole FEC held in a string. */
export function fecProblems(text: string, opts: FecCheckOptions): string[] {
  const checker = fecChecker(opts);
  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  for (const l of lines) checker.line(l);
  return checker.finish();
}

/** The problems of a FEC read as it streams (an HTTP response, a file), line by line in bounded memory. */
export async function fecProblemsOfStream(chunks: AsyncIterable<string | Uint8Array>, opts: FecCheckOptions): Promise<string[]> {
  const checker = fecChecker(opts);
  const decoder = new TextDecoder();
  let rest = '';
  for await (const chunk of chunks) {
    rest += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    let from = 0;
    for (let nl = rest.indexOf('\n'); nl !== -1; nl = rest.indexOf('\n', from)) {
      checker.line(rest.slice(from, rest[nl - 1] === '\r' ? nl - 1 : nl));
      from = nl + 1;
    }
    rest = rest.slice(from);
  }
  rest += decoder.decode();
  if (rest !== '') checker.line(rest.endsWith('\r') ? rest.slice(0, -1) : rest);
  return checker.finish();
}
