/**
 * Payment due date of an invoice (a mandatory mention, Code de commerce art. L441-9 I and
 * CGI annexe II art. 242 nonies A), from its issue date and the agreed terms.
 *
 * Dates are 'YYYY-MM-DD' strings, computed on the calendar alone: the issue date is an
 * argument, the clock is never read.
 *
 * "N jours fin de mois" is read as the DGCCRF reads it: add N days to the issue date, then
 * go to the end of that month (15 January + 45 days = 1 March → 31 March). The other
 * practice ("fin de mois + N jours": end of the issue month, then N days) is not offered,
 * because art. L441-10 caps it the same way and two readings of one wording confuse clients.
 */

import { addDays, assertIsoDay, endOfMonth } from '../../../platform/calendar/index.js';

export type PaymentTerms =
  /** Payable on receipt ("à réception"): the due date is the issue date. */
  | { kind: 'onReceipt' }
  /** N days net from the issue date. */
  | { kind: 'net'; days: number }
  /** N days end of month ("N jours fin de mois"), see above. */
  | { kind: 'endOfMonth'; days: number };

/**
 * Art. L441-10 I: the agreed delay may not exceed 60 days from the issue date, or, by
 * exception and if the contract says so, 45 days end of month from the issue date.
 */
export const MAX_NET_DAYS = 60;
export const MAX_END_OF_MONTH_DAYS = 45;
/** Art. L441-10 I: with no agreement, 30 days after receipt of the goods or the service. */
export const DEFAULT_PAYMENT_TERMS: PaymentTerms = { kind: 'net', days: 30 };

export function dueDate(issueDate: string, terms: PaymentTerms): string {
  switch (terms.kind) {
    case 'onReceipt':
      return assertIsoDay(issueDate);
    case 'net':
      return addDays(issueDate, terms.days);
    case 'endOfMonth':
      return endOfMonth(addDays(issueDate, terms.days));
  }
}

/** The latest due date art. L441-10 allows for an invoice issued on that date. */
export function latestLawfulDueDate(issueDate: string): string {
  const net = addDays(issueDate, MAX_NET_DAYS);
  const endOfMonthCap = endOfMonth(addDays(issueDate, MAX_END_OF_MONTH_DAYS));
  return net > endOfMonthCap ? net : endOfMonthCap;
}

export type TermsProblem = 'days_not_a_whole_number' | 'days_negative' | 'beyond_legal_cap';

/** Checks agreed terms against art. L441-10 before they are saved on a client or a quote. */
export function checkPaymentTerms(terms: PaymentTerms): TermsProblem[] {
  if (terms.kind === 'onReceipt') return [];
  if (!Number.isInteger(terms.days)) return ['days_not_a_whole_number'];
  if (terms.days < 0) return ['days_negative'];
  const cap = terms.kind === 'net' ? MAX_NET_DAYS : MAX_END_OF_MONTH_DAYS;
  return terms.days > cap ? ['beyond_legal_cap'] : [];
}

/**
 * Whether a due date typed by hand respects art. L441-10: not before the issue date, and
 * not after the later of "60 days" and "45 days end of month" from it.
 */
export function isDueDateLawful(issueDate: string, due: string): boolean {
  return assertIsoDay(due) >= assertIsoDay(issueDate) && due <= latestLawfulDueDate(issueDate);
}
