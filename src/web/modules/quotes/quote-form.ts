// Pure, and tested without a browser: it takes the documents' line form, not their front door that also brings the components.
import { decideQuoteTransition, QUOTE_ACTIONS, type NewQuote, type QuoteAction, type QuoteActorRole, type QuoteLineInput } from '../../../modules/quotes/contract';
import type { Role } from '../../lib/session';
import { addDays } from '../../../platform/calendar/contract';
import { emptyLine, lineValuesOf, type LineValues, parseLines, type VatChoice } from '../documents/pure';
import type { QuoteData } from './use-quotes';

/** The rates a quote offers: the four French rates, and no VAT with the reason printed beside it. */
export const QUOTE_VAT_CHOICES = ['S:2000', 'S:1000', 'S:550', 'S:210', 'E:0'] as const satisfies readonly VatChoice[];

/** A line as typed: the invoice line's fields, and the heading of the section it opens. */
export interface QuoteLineValues extends LineValues {
  sectionTitle: string;
}

export interface QuoteFormValues {
  activityId: string;
  clientId: string;
  /** The job the quote belongs to; '' for none. */
  jobId: string;
  validUntil: string;
  notes: string;
  lines: QuoteLineValues[];
}

export const emptyQuoteLine = (sectionTitle = ''): QuoteLineValues => ({ ...emptyLine(), sectionTitle });

/** A quote usually holds a month: long enough to decide, short enough for prices to stand. */
export const DEFAULT_VALIDITY_DAYS = 30;

export function newQuoteValues(defaults: { activityId?: string; clientId?: string; today: string }): QuoteFormValues {
  return {
    activityId: defaults.activityId ?? '',
    clientId: defaults.clientId ?? '',
    jobId: '',
    validUntil: addDays(defaults.today, DEFAULT_VALIDITY_DAYS),
    notes: '',
    lines: [emptyQuoteLine()],
  };
}

/** The form of a saved draft, amounts shown as people type them ("1234,5"). */
export function valuesOfQuote(quote: QuoteData, lang: string): QuoteFormValues {
  return {
    activityId: quote.activityId,
    clientId: quote.clientId,
    jobId: quote.jobId ?? '',
    validUntil: quote.validUntil,
    notes: quote.notes ?? '',
    lines: quote.lines.map((l) => ({ sectionTitle: l.sectionTitle ?? '', ...lineValuesOf(l, lang, QUOTE_VAT_CHOICES) })),
  };
}

/** The body of a create or an update; what cannot be read as a number is listed, never guessed. */
export function quoteBodyOf(values: QuoteFormValues): { body: NewQuote; typing: ReturnType<typeof parseLines>['typing'] } {
  const { lines, typing } = parseLines(values.lines);
  return {
    typing,
    body: {
      activityId: values.activityId,
      clientId: values.clientId,
      jobId: values.jobId || null,
      validUntil: values.validUntil,
      notes: values.notes.trim() || null,
      lines: lines.map((line, i): QuoteLineInput => ({ ...line, sectionTitle: values.lines[i]!.sectionTitle.trim() || null })),
    },
  };
}

/** The role a person acts in on a quote, as the server decides it. */
export function quoteRoleOf(roles: readonly Role[]): QuoteActorRole {
  return roles.includes('admin') ? 'admin' : roles.includes('staff') ? 'staff' : 'member';
}

export type QuoteButton = Exclude<QuoteAction, 'edit'> | 'edit' | 'delete' | 'invoice';

/**
 * The actions to offer on a quote: the lifecycle rule the server applies (the same pure
 * function), so a button is shown only when the server would take the action.
 */
export function quoteButtons(quote: Pick<QuoteData, 'status' | 'validUntil'> & Partial<Pick<QuoteData, 'fullyInvoiced'>>, context: { roles: readonly Role[]; needsValidation: boolean; today: string }): Set<QuoteButton> {
  const actorRole = quoteRoleOf(context.roles);
  const allowed = new Set<QuoteButton>(QUOTE_ACTIONS.filter((action) => decideQuoteTransition(quote, action, { today: context.today, needsValidation: context.needsValidation, actorRole }).ok));
  if (allowed.has('edit')) allowed.add('delete');
  // A quote invoiced in full has nothing left to invoice: the server would refuse another.
  if (quote.status === 'accepted' && !quote.fullyInvoiced) allowed.add('invoice');
  return allowed;
}

/** Parses "30" or "33,33" (a percentage) into basis points; null when it is not one. */
export function percentToBp(text: string): number | null {
  const compact = text.replace(/[\s\u00a0\u202f%]/g, '');
  const m = /^(\d{1,3})(?:[.,](\d{1,2}))?$/.exec(compact);
  if (!m) return null;
  const bp = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return bp >= 1 && bp <= 10_000 ? bp : null;
}
