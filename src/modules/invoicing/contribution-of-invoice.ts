import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { settleContribution, type ContributionEvent } from '../contribution/index.js';
import { prepaidCentsOf } from './issue-document.js';
import { invoices } from './schema.js';

/**
 * Hands the contribution module what it needs of an issued invoice, after a change to it in
 * the caller's transaction (validated, paid, credited), with the row locked by the caller.
 * The contribution reads the revenue per activity from the ledger itself.
 */
export async function settleInvoiceContribution(tx: Executor, actor: Actor, invoiceId: string, event: ContributionEvent): Promise<void> {
  const [row] = await tx
    .select()
    .from(invoices)
    .where(and(eq(invoices.coopId, actor.coopId), eq(invoices.id, invoiceId)));
  if (!row || !row.number || row.kind === 'credit_note') return;
  const creditNotes = await tx
    .select({ id: invoices.id })
    .from(invoices)
    .where(and(eq(invoices.coopId, actor.coopId), eq(invoices.creditedInvoiceId, invoiceId)))
    .orderBy(asc(invoices.seq));
  await settleContribution(
    tx,
    actor,
    {
      invoiceId,
      number: row.number,
      kind: row.kind,
      grossCents: row.grossCents,
      paidCents: row.paidCents,
      prepaidCents: prepaidCentsOf(row),
      creditNoteIds: creditNotes.map((c) => c.id),
    },
    event,
  );
}
