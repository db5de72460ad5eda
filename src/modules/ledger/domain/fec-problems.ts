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

export function fecProblems(text: string, opts: FecCheckOptions): string[] {
  const problems: string[] = [];
  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  const header = lines[0] ?? '';
  const separator = header.includes('\t') ? '\t' : header.includes('|') ? '|' : null;
  if (!separator) return ['the header holds neither a tab nor a pipe separator'];
  const names = header.split(separator);
  if (names.join(',') !== FEC_COLUMNS.join(',')) problems.push(`the header is not the 18 columns in order: ${names.join(',')}`);
  const col = Object.fromEntries(FEC_COLUMNS.map((c, i) => [c, i])) as Record<(typeof FEC_COLUMNS)[number], number>;
  const start = opts.startDate.replaceAll('-', '');
  const end = opts.endDate.replaceAll('-', '');
  const balances = new Map<number, number>();
  const order: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const at = `line ${i + 1}`;
    const f = lines[i]!.split(separator);
    if (f.length !== 18) {
      problems.push(`${at}: ${f.length} fields instead of 18`);
      continue;
    }
    const get = (c: keyof typeof col) => f[col[c]]!;
    for (const c of ['JournalCode', 'JournalLib', 'EcritureNum', 'CompteNum', 'CompteLib', 'PieceRef', 'EcritureLib'] as const) {
      if (!get(c).trim()) problems.push(`${at}: ${c} is empty`);
    }
    for (const c of ['EcritureDate', 'PieceDate', 'ValidDate'] as const) {
      if (!isRealDate(get(c))) problems.push(`${at}: ${c} "${get(c)}" is not a date AAAAMMJJ`);
    }
    if (get('EcritureDate') < start || get('EcritureDate') > end) problems.push(`${at}: EcritureDate ${get('EcritureDate')} is outside the fiscal year`);
    if (!AMOUNT.test(get('Debit')) || !AMOUNT.test(get('Credit'))) {
      problems.push(`${at}: Debit "${get('Debit')}" or Credit "${get('Credit')}" is not an amount with a decimal comma`);
      continue;
    }
    const debit = cents(get('Debit'));
    const credit = cents(get('Credit'));
    if (debit !== 0 && credit !== 0) problems.push(`${at}: both a debit and a credit`);
    if (Boolean(get('EcritureLet')) !== Boolean(get('DateLet'))) problems.push(`${at}: EcritureLet and DateLet go together`);
    if (get('DateLet') && !isRealDate(get('DateLet'))) problems.push(`${at}: DateLet "${get('DateLet')}" is not a date AAAAMMJJ`);
    if (Boolean(get('Montantdevise')) !== Boolean(get('Idevise'))) problems.push(`${at}: Montantdevise and Idevise go together`);
    if (get('CompAuxLib') && !get('CompAuxNum')) problems.push(`${at}: CompAuxLib without CompAuxNum`);
    const num = Number(get('EcritureNum'));
    if (!Number.isInteger(num) || num < 1) {
      problems.push(`${at}: EcritureNum "${get('EcritureNum')}" is not a positive whole number`);
      continue;
    }
    if (order.at(-1) !== num) {
      if (balances.has(num)) problems.push(`${at}: the lines of entry ${num} are not together`);
      order.push(num);
    }
    balances.set(num, (balances.get(num) ?? 0) + debit - credit);
  }
  for (const [num, balance] of balances) if (balance !== 0) problems.push(`entry ${num} is unbalanced by ${balance} cents`);
  const numbers = [...balances.keys()].sort((a, b) => a - b);
  numbers.forEach((n, i) => {
    if (n !== i + 1) problems.push(`entry numbers are not continuous from 1: ${i + 1} expected, ${n} found`);
  });
  return [...new Set(problems)].slice(0, 100);
}
