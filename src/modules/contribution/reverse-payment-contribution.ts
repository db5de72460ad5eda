import { and, eq, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Executor } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { reverseEntry } from '../ledger/index.js';
import { contributionPostings } from './schema.js';

/**
 * A cancelled payment takes back exactly the contribution it caused on an invoice, in the
 * caller's transaction (payments cancels a payment by reversal; invoicing calls this with the
 * invoice row locked): its entry is reversed (contre-passation, never deleted) and each of its
 * rows gets a mirror row pointing at it, so the invoice's next posting starts from what is
 * really due. A row is mirrored once at most (unique key on `reverses_posting_id`).
 */
export async function reversePaymentContribution(tx: Executor, actor: Actor, input: { invoiceId: string; paymentId: string; date: string; reason: string }): Promise<void> {
  const mirror = alias(contributionPostings, 'mirror');
  const rows = await tx
    .select({ p: contributionPostings })
    .from(contributionPostings)
    .leftJoin(mirror, and(eq(mirror.coopId, contributionPostings.coopId), eq(mirror.reversesPostingId, contributionPostings.id)))
    .where(
      and(
        eq(contributionPostings.coopId, actor.coopId),
        eq(contributionPostings.invoiceId, input.invoiceId),
        eq(contributionPostings.cause, 'payment'),
        eq(contributionPostings.causeId, input.paymentId),
        isNull(mirror.id),
      ),
    );
  if (rows.length === 0) return;
  const entryIds = [...new Set(rows.flatMap(({ p }) => (p.entryId ? [p.entryId] : [])))];
  const reversals = new Map<string, string>();
  for (const entryId of entryIds) {
    const { id } = await reverseEntry(tx, actor, entryId, input.date, `Annulation de la contribution : ${input.reason}`.slice(0, 300));
    reversals.set(entryId, id);
  }
  await tx.insert(contributionPostings).values(
    rows.map(({ p }) => ({
      coopId: actor.coopId,
      invoiceId: p.invoiceId,
      activityId: p.activityId,
      month: input.date.slice(0, 7),
      postedOn: input.date,
      cause: 'payment_cancelled' as const,
      causeId: input.paymentId,
      basis: p.basis,
      baseCents: p.baseCents,
      rateBp: p.rateBp,
      fullCents: p.fullCents,
      dueCents: -p.dueCents,
      amountCents: -p.amountCents,
      entryId: p.entryId ? reversals.get(p.entryId)! : null,
      reversesPostingId: p.id,
    })),
  );
  await recordAudit(tx, actor, {
    action: 'contribution.posted',
    entityType: 'invoice',
    entityId: input.invoiceId,
    after: {
      cause: 'payment_cancelled',
      causeId: input.paymentId,
      entryIds: [...reversals.values()],
      amountCents: -rows.reduce((s, { p }) => s + p.amountCents, 0),
      postings: rows.map(({ p }) => ({ activityId: p.activityId, reversesPostingId: p.id, amountCents: -p.amountCents })),
    },
  });
}
