import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import { sqlConstraint, sqlState, UNIQUE_VIOLATION, type Db, type Executor } from '../../platform/db/client.js';
import { invalidField } from '../../platform/errors.js';
import type { Actor } from '../../platform/http/context.js';
import { settleAdvanceOfInvoice } from '../advances/index.js';
import { clientIdentityForDocument } from '../clients/index.js';
import { applyPaymentToInvoice, openInvoices, type AppliedPayment } from '../invoicing/index.js';
import { openReceivableParts, paymentEntry, postEntry, splitReceipt } from '../ledger/index.js';
import { allocatePayment } from './domain/allocate-payment.js';
import { depositAccountOf } from './domain/deposit-account.js';
import type { RecordPaymentInput } from './contract.js';
import { paymentErrors } from './errors.js';
import { paymentAllocations, payments } from './schema.js';

export interface RecordPaymentOptions {
  /** The bank statement line the payment was read from (a line books one payment at most). */
  bankLineId?: string | null;
  /** The 512 sub-account and journal of the bank account the line belongs to (default 512, BQ). */
  bankAccount?: { account: string; journal: string };
}

const refusalText = {
  invoice_listed_twice: { fr: 'Cette facture figure deux fois.', en: 'This invoice is listed twice.' },
  allocations_exceed_payment: { fr: 'Les imputations dépassent le montant du paiement.', en: 'The allocations exceed the amount of the payment.' },
  invoice_of_another_client: { fr: "Cette facture est celle d'un autre client.", en: 'This invoice belongs to another client.' },
} as const;

/**
 * Books a payment received from a client, in the caller's transaction: the payment, its
 * allocation to invoices (the ones given, or the client's oldest due first), each invoice's
 * paid amount and status, and the entry (512 debit, or 5112 / 530 for a cheque or cash typed
 * by hand until the bank shows it — see `depositAccountOf`; 411 credit per invoice's activity).
 * What the invoices do not take stays on 411 without activity: the client's credit, to be
 * refunded or used later, never lost nor given to an activity that did not earn it.
 * Each invoice is re-checked under its row lock, so two payments at once never overpay it.
 */
export async function recordPaymentIn(tx: Executor, actor: Actor, input: RecordPaymentInput, opts: RecordPaymentOptions = {}): Promise<{ id: string }> {
  const client = await clientIdentityForDocument(tx, actor.coopId, input.clientId);
  if (!client) throw invalidField('clientId', { fr: 'Client inconnu dans cette coopérative.', en: 'Unknown client in this cooperative.' });

  let requested = input.allocations;
  if (requested) {
    // The pure rule sees every requested invoice as open for the client here; the lock below checks status and amount left.
    const seen = new Set<string>();
    let total = 0;
    for (const [i, a] of requested.entries()) {
      if (seen.has(a.invoiceId)) throw invalidField(`allocations.${i}.invoiceId`, refusalText.invoice_listed_twice);
      seen.add(a.invoiceId);
      total += a.amountCents;
    }
    if (total > input.amountCents) throw invalidField('allocations', refusalText.allocations_exceed_payment);
  } else {
    const open = await openInvoices(tx, actor.coopId, { clientId: input.clientId });
    const result = allocatePayment(
      { clientId: input.clientId, amountCents: input.amountCents },
      open.map((o) => ({ id: o.id, clientId: o.clientId, dueDate: o.dueDate, issueDate: o.issueDate, amountLeftCents: o.amountDueCents })),
    );
    if (!result.ok) throw invalidField('amountCents', { fr: 'Paiement impossible à imputer.', en: 'The payment cannot be allocated.' });
    requested = result.allocations.map((a) => ({ invoiceId: a.invoiceId, amountCents: a.amountCents }));
  }

  const fromBankLine = Boolean(opts.bankLineId);
  const depositAccount = depositAccountOf({ mode: input.mode, fromBankLine });
  let paymentId: string;
  try {
    const [row] = await tx
      .insert(payments)
      .values({
        coopId: actor.coopId,
        clientId: input.clientId,
        date: input.date,
        amountCents: input.amountCents,
        mode: input.mode,
        reference: input.reference ?? null,
        bankLineId: opts.bankLineId ?? null,
        origin: fromBankLine ? 'bank_line' : 'manual',
        depositAccount,
        createdBy: actor.userId,
      })
      .returning({ id: payments.id });
    paymentId = row!.id;
  } catch (err) {
    if (sqlState(err) === UNIQUE_VIOLATION && sqlConstraint(err) === 'payments_coop_bank_line_key') throw paymentErrors.BANK_LINE_ALREADY_BOOKED();
    throw err;
  }

  const applied: AppliedPayment[] = [];
  for (const [i, a] of requested.entries()) {
    const result = await applyPaymentToInvoice(tx, actor, { invoiceId: a.invoiceId, amountCents: a.amountCents, paymentId, date: input.date });
    if (result.clientId !== input.clientId) throw invalidField(`allocations.${i}.invoiceId`, refusalText.invoice_of_another_client);
    applied.push(result);
  }
  if (applied.length) {
    await tx.insert(paymentAllocations).values(
      applied.map((a, i) => ({ coopId: actor.coopId, paymentId, invoiceId: a.invoiceId, invoiceNumber: a.number, activityId: a.activityId, amountCents: requested[i]!.amountCents })),
    );
  }

  const allocatedCents = requested.reduce((sum, a) => sum + a.amountCents, 0);
  const creditCents = input.amountCents - allocatedCents;
  const numbers = applied.map((a) => a.number).join(', ');
  // A job's invoice is owed to each of its activities in part: the payment clears each part in proportion.
  const settled = [];
  for (const [i, a] of applied.entries()) {
    for (const part of splitReceipt(requested[i]!.amountCents, await openReceivableParts(tx, actor.coopId, a.invoiceId), a.activityId)) {
      settled.push({ activityId: part.activityId, invoiceNumber: a.number, amountCents: part.amountCents, invoiceId: a.invoiceId });
    }
  }
  const entry = await postEntry(tx, actor, {
    ...paymentEntry({ amountCents: input.amountCents, depositAccount, client: { id: input.clientId, name: client.name }, settled }, opts.bankAccount),
    date: input.date,
    label: `Règlement ${client.name}${numbers ? ` ${numbers}` : ''}`.slice(0, 300),
    source: { type: 'payment', id: paymentId },
  });
  await tx.update(payments).set({ entryId: entry.id }).where(eqPayment(actor.coopId, paymentId));
  // The guarantee fund is repaid what the client's payment covers of an advance on the invoice.
  for (const a of applied) {
    await settleAdvanceOfInvoice(tx, actor, { invoiceId: a.invoiceId, invoiceNumber: a.number, paymentId, paidCents: a.paidCents, amountLeftCents: a.amountLeftCents, date: input.date });
  }
  await recordAudit(tx, actor, {
    action: 'payment.recorded',
    entityType: 'payment',
    entityId: paymentId,
    after: { ...input, reference: input.reference ?? null, allocations: requested, allocatedCents, creditCents, bankLineId: opts.bankLineId ?? null, depositAccount, entryId: entry.id },
  });
  return { id: paymentId };
}

/** Records a payment in one transaction of its own (see `recordPaymentIn`). */
export async function recordPayment(db: Db, actor: Actor, input: RecordPaymentInput): Promise<{ id: string }> {
  return db.transaction((tx) => recordPaymentIn(tx, actor, input), { isolationLevel: 'read committed' });
}

const eqPayment = (coopId: string, id: string) => and(eq(payments.coopId, coopId), eq(payments.id, id));
