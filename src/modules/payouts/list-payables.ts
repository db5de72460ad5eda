import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { isValidBic, isValidIban } from '../../platform/identifiers/index.js';
import { maskIban } from '../banking/index.js';
import type { PayableView } from './contract.js';
import type { Payable, PayableSources } from './payable-sources.js';
import { payoutItems } from './schema.js';

const keyOf = (p: { sourceType: string; sourceId: string }) => `${p.sourceType}:${p.sourceId}`;

/** A payee's account a transfer can go to: a valid IBAN (mod 97), and a BIC, if given, of the right form. */
export const mayBeBatched = (p: Payable) => p.payeeIban !== null && isValidIban(p.payeeIban) && (p.payeeBic === null || isValidBic(p.payeeBic));

/**
 * Everything the sources owe that no live batch holds yet (a pending or paid item), oldest
 * first per source: what staff choose from. An item of a cancelled batch or a returned
 * transfer is owed again, and its source lists it again.
 */
export async function openPayables(db: Executor, coopId: string, sources: PayableSources): Promise<Payable[]> {
  const all: Payable[] = [];
  for (const source of Object.values(sources)) all.push(...(await source!.listPayables(db, coopId)));
  if (all.length === 0) return [];
  const live = await db
    .select({ sourceType: payoutItems.sourceType, sourceId: payoutItems.sourceId })
    .from(payoutItems)
    .where(and(eq(payoutItems.coopId, coopId), inArray(payoutItems.status, ['pending', 'paid']), inArray(payoutItems.sourceId, all.map((p) => p.sourceId))));
  const held = new Set(live.map(keyOf));
  return all.filter((p) => !held.has(keyOf(p)) && p.amountCents > 0);
}

export async function listPayables(db: Executor, coopId: string, sources: PayableSources): Promise<PayableView[]> {
  return (await openPayables(db, coopId, sources)).map((p) => ({
    sourceType: p.sourceType,
    sourceId: p.sourceId,
    activityId: p.activityId,
    payeeMemberId: p.payeeMemberId ?? null,
    payeeName: p.payeeName,
    payeeIbanMasked: p.payeeIban ? maskIban(p.payeeIban) : null,
    hasIban: mayBeBatched(p),
    amountCents: p.amountCents,
    reference: p.reference,
    dueOn: p.dueOn,
  }));
}
