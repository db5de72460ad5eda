import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { takeNextNumber } from '../../platform/numbering/take-next-number.js';
import type { PostingLineInput } from './contract.js';
import { auxiliaryAccounts, journalEntries, journalEntryLines, type AuxiliaryKind } from './schema.js';

const PREFIX: Record<AuxiliaryKind, string> = { client: 'C', supplier: 'F' };

/** C00042: the prefix of the kind and the number on five digits at least. */
export const auxiliaryNumberOf = (kind: AuxiliaryKind, n: number) => `${PREFIX[kind]}${String(n).padStart(5, '0')}`;

type Party = NonNullable<PostingLineInput['auxiliary']>;

/**
 * The auxiliary account of a party, opened on its first entry with the next number of the
 * kind's series. Its label follows the party's current name (a renamed client keeps its number).
 * Two first postings for one client at once: the unique key makes the second wait, find
 * nothing to insert and read the first one's number.
 */
async function auxiliaryAccountOf(tx: Executor, coopId: string, party: Party): Promise<string> {
  const where = and(eq(auxiliaryAccounts.coopId, coopId), eq(auxiliaryAccounts.kind, party.kind), eq(auxiliaryAccounts.partyId, party.partyId));
  const [found] = await tx.select({ number: auxiliaryAccounts.number, label: auxiliaryAccounts.label }).from(auxiliaryAccounts).where(where);
  if (found) {
    if (found.label !== party.label) await tx.update(auxiliaryAccounts).set({ label: party.label }).where(where);
    return found.number;
  }
  const n = await takeNextNumber(tx, { coopId, series: `ledger-aux:${party.kind}` });
  const [created] = await tx
    .insert(auxiliaryAccounts)
    .values({ coopId, number: auxiliaryNumberOf(party.kind, n), label: party.label, kind: party.kind, partyId: party.partyId })
    .onConflictDoNothing({ target: [auxiliaryAccounts.coopId, auxiliaryAccounts.kind, auxiliaryAccounts.partyId] })
    .returning({ number: auxiliaryAccounts.number });
  if (created) return created.number;
  const [other] = await tx.select({ number: auxiliaryAccounts.number }).from(auxiliaryAccounts).where(where);
  return other!.number;
}

/** The auxiliary number of each line (null where the line names no party), opening the missing accounts. */
export async function auxiliaryNumbersOf(tx: Executor, coopId: string, lines: readonly PostingLineInput[]): Promise<(string | null)[]> {
  const byParty = new Map<string, string>();
  const out: (string | null)[] = [];
  for (const line of lines) {
    if (!line.auxiliary) {
      out.push(null);
      continue;
    }
    const key = `${line.auxiliary.kind}:${line.auxiliary.partyId}`;
    let number = byParty.get(key);
    if (!number) {
      number = await auxiliaryAccountOf(tx, coopId, line.auxiliary);
      byParty.set(key, number);
    }
    out.push(number);
  }
  return out;
}

/** The party behind each auxiliary number, to copy it on a reversing entry. */
export async function partiesOf(tx: Executor, coopId: string, numbers: readonly string[]): Promise<Map<string, Party>> {
  if (!numbers.length) return new Map();
  const rows = await tx
    .select({ number: auxiliaryAccounts.number, kind: auxiliaryAccounts.kind, partyId: auxiliaryAccounts.partyId, label: auxiliaryAccounts.label })
    .from(auxiliaryAccounts)
    .where(and(eq(auxiliaryAccounts.coopId, coopId), inArray(auxiliaryAccounts.number, [...new Set(numbers)])));
  return new Map(rows.map((r) => [r.number, { kind: r.kind, partyId: r.partyId, label: r.label }]));
}

/**
 * A party's auxiliary account and its balance (debit minus credit of its lines), null number
 * when it was never posted to. Opening entries are left out: they restate balances the year's
 * lines already make.
 */
export async function auxiliaryAccountBalance(db: Executor, coopId: string, kind: AuxiliaryKind, partyId: string): Promise<{ number: string | null; balanceCents: number }> {
  const [account] = await db
    .select({ number: auxiliaryAccounts.number })
    .from(auxiliaryAccounts)
    .where(and(eq(auxiliaryAccounts.coopId, coopId), eq(auxiliaryAccounts.kind, kind), eq(auxiliaryAccounts.partyId, partyId)));
  if (!account) return { number: null, balanceCents: 0 };
  const [sum] = await db
    .select({ balance: sql<string>`coalesce(sum(${journalEntryLines.debitCents} - ${journalEntryLines.creditCents}), 0)` })
    .from(journalEntryLines)
    .innerJoin(journalEntries, and(eq(journalEntries.coopId, journalEntryLines.coopId), eq(journalEntries.id, journalEntryLines.entryId)))
    .where(and(eq(journalEntryLines.coopId, coopId), eq(journalEntryLines.auxiliaryNumber, account.number), ne(journalEntries.sourceType, 'carried_forward')));
  return { number: account.number, balanceCents: Number(sum?.balance ?? 0) };
}
