/**
 * hledger's journal format (hledger.org/journal.html), so an accountant can check the books with
 * a tool of their own: one transaction per entry, its date, status and code (journal and
 * number), its description, then one posting per line with the account and a signed amount in
 * EUR (a debit positive, a credit negative), the activity as a tag.
 */
export interface HledgerEntry {
  date: string;
  journalCode: string;
  number: number;
  label: string;
  sourceType: string;
  lines: readonly { account: string; auxiliaryNumber: string | null; activityCode: string | null; debitCents: number; creditCents: number; label: string | null }[];
}

/** The header: the euro's display style, so every amount reads with a decimal point and two decimals. */
export const HLEDGER_HEADER = '; Mutualise – journal export\ncommodity 1000.00 EUR\n\n';

/** Text that stays on one line and does not open a comment or a tag where it should not. */
const oneLine = (text: string) => text.replace(/\s*[\r\n;]+\s*/g, ' ').trim();

/** Signed cents as hledger reads them: 120050 → "1200.50", -5 → "-0.05". */
export function hledgerAmount(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** An account number, with the client's auxiliary account below it (411:C00042). */
const accountName = (account: string, auxiliary: string | null) => (auxiliary ? `${account}:${auxiliary}` : account);

export function hledgerTransaction(e: HledgerEntry): string {
  const head = `${e.date} * (${e.journalCode}${e.number}) ${oneLine(e.label) || '-'}  ; journal:${e.journalCode}, source:${oneLine(e.sourceType)}`;
  const postings = e.lines.map((l) => {
    const tags = [l.activityCode ? `activity:${oneLine(l.activityCode).replace(/,/g, ' ')}` : null, l.label ? oneLine(l.label).replace(/:/g, ' ') : null].filter(Boolean);
    // Two spaces at least between the account and the amount: hledger's separator.
    return `    ${accountName(l.account, l.auxiliaryNumber)}    ${hledgerAmount(l.debitCents - l.creditCents)} EUR${tags.length ? `  ; ${tags.join(', ')}` : ''}`;
  });
  return `${head}\n${postings.join('\n')}\n\n`;
}
