import { describe, expect, it } from 'vitest';
import { decideDraftReview } from './draft-review.js';

const draft = (submitted: boolean) => ({ status: 'draft' as const, submitted });

describe('review of a draft invoice', () => {
  it('a member withdraws a submitted draft to fix it; it is a draft again, not submitted', () => {
    expect(decideDraftReview(draft(true), 'withdraw', 'member')).toEqual({ ok: true, submitted: false });
  });

  it('a draft not submitted has nothing to withdraw or send back', () => {
    expect(decideDraftReview(draft(false), 'withdraw', 'member')).toEqual({ ok: false, reason: 'not_submitted' });
    expect(decideDraftReview(draft(false), 'send_back', 'team')).toEqual({ ok: false, reason: 'not_submitted' });
  });

  it('the team returns a submitted draft for changes; a member cannot', () => {
    expect(decideDraftReview(draft(true), 'send_back', 'team')).toEqual({ ok: true, submitted: false });
    expect(decideDraftReview(draft(true), 'send_back', 'member')).toEqual({ ok: false, reason: 'forbidden_role' });
  });

  it('an issued invoice is never taken back: it is corrected by a credit note', () => {
    for (const status of ['validated', 'sent', 'partially_paid', 'paid'] as const) {
      expect(decideDraftReview({ status, submitted: false }, 'withdraw', 'member')).toEqual({ ok: false, reason: 'invoice_issued' });
      expect(decideDraftReview({ status, submitted: false }, 'send_back', 'team')).toEqual({ ok: false, reason: 'invoice_issued' });
    }
  });

  it('a draft is submitted once', () => {
    expect(decideDraftReview(draft(false), 'submit', 'member')).toEqual({ ok: true, submitted: true });
    expect(decideDraftReview(draft(true), 'submit', 'member')).toEqual({ ok: false, reason: 'already_submitted' });
  });
});
