/**
 * Life of a quote (devis): who may move it, and when.
 *
 * Stored states: draft → (submitted, when the coop has `quotesNeedValidation` on; the author may
 * withdraw it, staff may send it back, both to draft) → validated
 * → sent → accepted | refused. `expired` is never stored: a quote whose validity date has
 * passed and that the client neither accepted nor refused is expired on that day, whatever the
 * scheduler did, so the state is derived from the date each time it is read.
 *
 * Why the roles: the member drafts and submits, because the quote is their offer; staff
 * validate, because the coop is the legal counterpart of the client and carries the
 * commitment; the client (through a signed link) accepts or refuses only a quote that was sent
 * and is still valid, since an offer lapses at the end of its validity (Code civil art. 1117).
 * Staff may also record a client's answer given on paper (a signed "bon pour accord"). When
 * the coop does not ask for validation, the member validates their own quote.
 *
 * A pure rule: `today` is an argument. The service checks the decision again inside the
 * transaction that writes it (with the row locked), so two clicks cannot both move a quote.
 */

export const QUOTE_STATES = ['draft', 'submitted', 'validated', 'sent', 'accepted', 'refused'] as const;
export type StoredQuoteState = (typeof QUOTE_STATES)[number];
export type QuoteState = StoredQuoteState | 'expired';

export const QUOTE_ACTIONS = ['edit', 'submit', 'withdraw', 'send_back', 'validate', 'send', 'accept', 'refuse', 'duplicate'] as const;
export type QuoteAction = (typeof QUOTE_ACTIONS)[number];

export type QuoteActorRole = 'admin' | 'staff' | 'member' | 'client';

export interface QuoteSnapshot {
  status: StoredQuoteState;
  /** Last day the offer holds, 'YYYY-MM-DD' (inclusive). */
  validUntil: string;
}

export interface QuoteContext {
  today: string;
  /** The coop setting `quotesNeedValidation`. */
  needsValidation: boolean;
  actorRole: QuoteActorRole;
}

export type QuoteRefusal =
  /** The action does not exist in the quote's current state. */
  | 'not_allowed_in_state'
  /** This role may not take this action. */
  | 'forbidden_role'
  /** The offer lapsed: it can no longer be sent, accepted or refused. */
  | 'quote_expired'
  /** The coop does not ask for validation, so there is nothing to submit to. */
  | 'validation_not_required'
  /** The coop asks for validation: a member submits, staff validate. */
  | 'submission_required';

export interface QuoteChanges {
  status: StoredQuoteState;
  /** Date stamp to write alongside the new status, e.g. `acceptedOn`. */
  stampField?: 'submittedOn' | 'validatedOn' | 'sentOn' | 'acceptedOn' | 'refusedOn';
  stampDate?: string;
}

export type QuoteDecision =
  /** `effect: 'update'` changes this quote; `'create_copy'` leaves it and creates a new draft. */
  | { ok: true; effect: 'update' | 'create_copy'; changes: QuoteChanges }
  | { ok: false; reason: QuoteRefusal };

const isStaffRole = (role: QuoteActorRole) => role === 'admin' || role === 'staff';

/** The state a person sees: the stored one, or `expired` once the validity date is behind. */
export function effectiveQuoteState(quote: QuoteSnapshot, today: string): QuoteState {
  if (quote.status === 'accepted' || quote.status === 'refused') return quote.status;
  return quote.validUntil < today ? 'expired' : quote.status;
}

const refuse = (reason: QuoteRefusal): QuoteDecision => ({ ok: false, reason });
const update = (status: StoredQuoteState, stampField?: QuoteChanges['stampField'], stampDate?: string): QuoteDecision => ({
  ok: true,
  effect: 'update',
  changes: stampField ? { status, stampField, stampDate } : { status },
});

export function decideQuoteTransition(quote: QuoteSnapshot, action: QuoteAction, context: QuoteContext): QuoteDecision {
  const { today, needsValidation, actorRole } = context;
  const state = effectiveQuoteState(quote, today);
  const expired = state === 'expired';
  const isClient = actorRole === 'client';

  switch (action) {
    case 'duplicate':
      // Any quote, even refused or expired, is a fair starting point for a new offer.
      if (isClient) return refuse('forbidden_role');
      return { ok: true, effect: 'create_copy', changes: { status: 'draft' } };

    case 'edit':
      if (isClient) return refuse('forbidden_role');
      return quote.status === 'draft' ? update('draft') : refuse('not_allowed_in_state');

    case 'submit':
      if (isClient) return refuse('forbidden_role');
      if (quote.status !== 'draft') return refuse('not_allowed_in_state');
      if (!needsValidation) return refuse('validation_not_required');
      if (expired) return refuse('quote_expired');
      return update('submitted', 'submittedOn', today);

    case 'withdraw':
      // The author takes the offer back to fix it while the team has not committed the coop to it.
      if (isClient) return refuse('forbidden_role');
      return quote.status === 'submitted' ? update('draft') : refuse('not_allowed_in_state');

    case 'send_back':
      if (!isStaffRole(actorRole)) return refuse('forbidden_role');
      return quote.status === 'submitted' ? update('draft') : refuse('not_allowed_in_state');

    case 'validate':
      if (isClient) return refuse('forbidden_role');
      // Committing the coop to an offer that has already lapsed would bind it to nothing.
      if (expired && (quote.status === 'draft' || quote.status === 'submitted')) return refuse('quote_expired');
      if (quote.status === 'submitted') {
        return isStaffRole(actorRole) ? update('validated', 'validatedOn', today) : refuse('forbidden_role');
      }
      if (quote.status !== 'draft') return refuse('not_allowed_in_state');
      // With validation on, a member's draft goes through staff; staff may validate a draft directly.
      if (needsValidation && !isStaffRole(actorRole)) return refuse('submission_required');
      return update('validated', 'validatedOn', today);

    case 'send':
      if (isClient) return refuse('forbidden_role');
      // Sending again (a lost e-mail) keeps the quote sent.
      if (quote.status !== 'validated' && quote.status !== 'sent') return refuse('not_allowed_in_state');
      if (expired) return refuse('quote_expired');
      return update('sent', 'sentOn', today);

    case 'accept':
    case 'refuse':
      if (!isClient && !isStaffRole(actorRole)) return refuse('forbidden_role');
      if (expired && quote.status === 'sent') return refuse('quote_expired');
      if (quote.status !== 'sent') return refuse('not_allowed_in_state');
      return action === 'accept' ? update('accepted', 'acceptedOn', today) : update('refused', 'refusedOn', today);
  }
}
