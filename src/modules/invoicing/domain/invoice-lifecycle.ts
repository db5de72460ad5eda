/**
 * Life of an invoice: draft → validated → sent → partially_paid → paid.
 *
 * Validation gives the number and freezes the invoice (CGI art. 242 nonies A): from then on it
 * is "issued", is never edited nor deleted, and a mistake is corrected by a credit note. Only
 * the payment status still moves, and it is computed from the money (`statusAfterPayments`),
 * never chosen by hand.
 *
 * Overdue is not a state: an issued invoice with money left after its due date is overdue on
 * that day, whether or not a job ran, so it is derived from the due date and the amount left
 * each time it is read (`isInvoiceOverdue`). "paid" means nothing is left to collect, whether
 * the money came in or a credit note cancelled the rest; the credit notes linked to the
 * invoice tell which. The same five states are the check constraint of `invoices.status`.
 *
 * A pure rule. The service checks the decision again inside the transaction that writes it,
 * on the locked row, because a payment and a credit note can arrive at the same time.
 */

export const INVOICE_STATES = ['draft', 'validated', 'sent', 'partially_paid', 'paid'] as const;
export type InvoiceState = (typeof INVOICE_STATES)[number];

/** States in which the invoice carries a number and is a legal document. */
export const ISSUED_STATES: readonly InvoiceState[] = ['validated', 'sent', 'partially_paid', 'paid'];

export const INVOICE_ACTIONS = ['edit', 'delete', 'validate', 'send', 'credit', 'allocate_payment', 'remind'] as const;
export type InvoiceAction = (typeof INVOICE_ACTIONS)[number];

export interface InvoiceSnapshot {
  status: InvoiceState;
  /** 'YYYY-MM-DD'; null on a draft, whose due date is set at validation. */
  dueDate: string | null;
  grossCents: number;
  paidCents: number;
  /** Sum of the credit notes issued against this invoice (positive). */
  creditedCents: number;
}

export type InvoiceRefusal =
  /** An issued invoice is never changed or deleted (CGI art. 242 nonies A): credit it instead. */
  | 'invoice_issued'
  /** The action needs an issued invoice and this one is still a draft. */
  | 'invoice_not_issued'
  /** Already validated: validation happens once and gives the number once. */
  | 'already_validated'
  /** Nothing is left to collect, so no payment can be allocated to it. */
  | 'nothing_left_to_pay'
  /** Credit notes already cover the whole invoice. */
  | 'fully_credited'
  /** A reminder is only for an invoice past its due date with money left. */
  | 'not_overdue';

export type InvoiceActionDecision = { ok: true } | { ok: false; reason: InvoiceRefusal };

function assertCents(value: number, what: string) {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${what} must be a non-negative integer of cents, got ${value}`);
}

export const isIssued = (status: InvoiceState) => status !== 'draft';

/**
 * What the client still owes on the invoice, never below zero: a credit note on an invoice
 * already paid is money the coop gives back to the client, not a negative debt on the invoice.
 */
export function amountLeftCents(invoice: Pick<InvoiceSnapshot, 'grossCents' | 'paidCents' | 'creditedCents'>): number {
  return Math.max(0, invoice.grossCents - invoice.paidCents - invoice.creditedCents);
}

/** Overdue from the day after the due date: the due date itself is still on time. */
export function isInvoiceOverdue(invoice: InvoiceSnapshot, today: string): boolean {
  return isIssued(invoice.status) && invoice.dueDate !== null && invoice.dueDate < today && amountLeftCents(invoice) > 0;
}

/**
 * The payment status of an issued invoice from its money, to store each time a payment or a
 * credit note touches it: once payments and credit notes together cover the invoice, nothing
 * is left to collect and it is 'paid', whether the money came in or a credit note cancelled
 * the rest (so no screen, reminder or payment treats it as open).
 * A payment never goes beyond the amount left (its excess stays as the client's credit), but a
 * credit note may follow a payment (a refund): paid + credited above gross is then money owed
 * back to the client, and the invoice stays 'paid'. Paid alone or credited alone above gross
 * is a broken invariant and throws.
 * `unpaidStatus` is the status it keeps while nothing is paid: 'validated' until it is sent.
 */
export function statusAfterPayments(
  grossCents: number,
  paidCents: number,
  creditedCents: number,
  unpaidStatus: 'validated' | 'sent' = 'sent',
): Exclude<InvoiceState, 'draft'> {
  assertCents(grossCents, 'grossCents');
  assertCents(paidCents, 'paidCents');
  assertCents(creditedCents, 'creditedCents');
  if (paidCents > grossCents) throw new RangeError(`paid (${paidCents}) exceeds the invoice (${grossCents})`);
  if (creditedCents > grossCents) throw new RangeError(`credited (${creditedCents}) exceeds the invoice (${grossCents})`);
  if (paidCents + creditedCents >= grossCents) return 'paid';
  return paidCents > 0 ? 'partially_paid' : unpaidStatus;
}

/** Whether an action is allowed on the invoice today, or why not. */
export function decideInvoiceAction(invoice: InvoiceSnapshot, action: InvoiceAction, today: string): InvoiceActionDecision {
  const issued = isIssued(invoice.status);
  const refuse = (reason: InvoiceRefusal): InvoiceActionDecision => ({ ok: false, reason });
  switch (action) {
    case 'edit':
    case 'delete':
      return issued ? refuse('invoice_issued') : { ok: true };
    case 'validate':
      return issued ? refuse('already_validated') : { ok: true };
    case 'send':
      // Sending again (a lost e-mail, a copy for the accountant) does not change the invoice.
      return issued ? { ok: true } : refuse('invoice_not_issued');
    case 'credit':
      if (!issued) return refuse('invoice_not_issued');
      // A paid invoice may still be credited (a refund); only what is already credited is not.
      return invoice.creditedCents >= invoice.grossCents ? refuse('fully_credited') : { ok: true };
    case 'allocate_payment':
      if (!issued) return refuse('invoice_not_issued');
      return amountLeftCents(invoice) > 0 ? { ok: true } : refuse('nothing_left_to_pay');
    case 'remind':
      if (!issued) return refuse('invoice_not_issued');
      return isInvoiceOverdue(invoice, today) ? { ok: true } : refuse('not_overdue');
  }
}

/** The actions offered on the invoice today (what the screen shows as buttons). */
export function allowedInvoiceActions(invoice: InvoiceSnapshot, today: string): InvoiceAction[] {
  return INVOICE_ACTIONS.filter((action) => decideInvoiceAction(invoice, action, today).ok);
}

/** The status after sending: a validated invoice becomes sent; a later state stays where it is. */
export function statusAfterSending(status: InvoiceState): InvoiceState {
  if (status === 'draft') throw new RangeError('a draft cannot be sent');
  return status === 'validated' ? 'sent' : status;
}
