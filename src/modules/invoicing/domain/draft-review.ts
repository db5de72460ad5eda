import type { InvoiceState } from './invoice-lifecycle.js';

/**
 * The review of a draft invoice before it is issued: a member hands it to the team (submit),
 * takes it back to fix it while the team has not yet issued it (withdraw), or the team
 * returns it with what to change (send back). The draft stays a draft throughout: no number
 * is taken before validation (CGI art. 242 nonies A), so none of these is irreversible.
 *
 * A pure rule; the service checks it again on the locked row, so a withdrawal and a
 * validation clicked at the same moment cannot both happen.
 */

export type DraftReviewAction = 'submit' | 'withdraw' | 'send_back';
export type DraftReviewRole = 'team' | 'member';

export interface DraftSnapshot {
  status: InvoiceState;
  /** Handed to the team and waiting for validation. */
  submitted: boolean;
}

export type DraftReviewRefusal =
  /** Issued already: it is corrected by a credit note, never taken back. */
  | 'invoice_issued'
  /** Withdraw or send back only a draft that waits for the team. */
  | 'not_submitted'
  /** Already with the team. */
  | 'already_submitted'
  /** Only the team returns a draft to its author. */
  | 'forbidden_role';

export type DraftReviewDecision = { ok: true; submitted: boolean } | { ok: false; reason: DraftReviewRefusal };

export function decideDraftReview(draft: DraftSnapshot, action: DraftReviewAction, role: DraftReviewRole): DraftReviewDecision {
  if (action === 'send_back' && role !== 'team') return { ok: false, reason: 'forbidden_role' };
  if (draft.status !== 'draft') return { ok: false, reason: 'invoice_issued' };
  if (action === 'submit') return draft.submitted ? { ok: false, reason: 'already_submitted' } : { ok: true, submitted: true };
  return draft.submitted ? { ok: true, submitted: false } : { ok: false, reason: 'not_submitted' };
}
