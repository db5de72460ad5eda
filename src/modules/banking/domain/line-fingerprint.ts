import { createHash } from 'node:crypto';

/**
 * What identifies a bank statement line across imports, so that importing a statement again
 * (the same file twice, or a monthly statement over days already imported) never books a
 * payment twice. Banks give no identifier every bank fills in, so the identity is what the
 * bank cannot change for the same line: the account, the dates, the signed amount, the
 * bank's and the payer's references and the remittance text (spaces and case normalised,
 * since a bank may re-wrap it between two downloads).
 *
 * Two genuine lines can be identical (two card fees of 1.50 the same day with no
 * reference); they are told apart by their rank among identical lines of the same account
 * and day. That rank is stable as long as a file holds whole days, which statements do.
 *
 * The hash is sha-256 from node:crypto: deterministic, no I/O, so it stays a pure function.
 * The same movement read from a camt.053 and from a CSV export gets two different
 * fingerprints (the CSV has no references): one account is imported from one source.
 */
export interface FingerprintedLine {
  bookingDate: string | null;
  valueDate?: string | null;
  amountCents: number;
  currency?: string;
  bankRef?: string | null;
  endToEndId?: string | null;
  remittance?: string;
  label?: string;
}

const FORMAT_VERSION = 'v1';

const normalise = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim().toUpperCase();

/** The canonical text hashed into a fingerprint; exported so the rule can be read and tested. */
export function lineIdentity(line: FingerprintedLine, accountIban: string, rank = 0): string {
  return [
    FORMAT_VERSION,
    accountIban.replace(/\s/g, '').toUpperCase(),
    line.bookingDate ?? '',
    line.valueDate ?? '',
    String(line.amountCents),
    normalise(line.currency ?? 'EUR'),
    normalise(line.bankRef),
    normalise(line.endToEndId),
    normalise(line.remittance),
    normalise(line.label),
    String(rank),
  ].join('|');
}

export function lineFingerprint(line: FingerprintedLine, accountIban: string, rank = 0): string {
  return createHash('sha256').update(lineIdentity(line, accountIban, rank), 'utf8').digest('hex');
}

/** The fingerprints of all the lines of one file of one account, in order, identical lines ranked. */
export function fingerprintLines(lines: readonly FingerprintedLine[], accountIban: string): string[] {
  const seen = new Map<string, number>();
  return lines.map((line) => {
    const identity = lineIdentity(line, accountIban);
    const rank = seen.get(identity) ?? 0;
    seen.set(identity, rank + 1);
    return lineFingerprint(line, accountIban, rank);
  });
}
