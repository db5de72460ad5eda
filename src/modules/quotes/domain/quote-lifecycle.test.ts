import { describe, expect, it } from 'vitest';
import { decideQuoteTransition, effectiveQuoteState, type QuoteContext, type QuoteSnapshot } from './quote-lifecycle.js';

const today = '2026-03-10';
const quote = (status: QuoteSnapshot['status'], validUntil = '2026-04-09'): QuoteSnapshot => ({ status, validUntil });
const as = (actorRole: QuoteContext['actorRole'], needsValidation = true): QuoteContext => ({ today, needsValidation, actorRole });

describe('expiry', () => {
  it('a quote is expired the day after its validity date, not on it', () => {
    expect(effectiveQuoteState(quote('sent', '2026-03-10'), today)).toBe('sent');
    expect(effectiveQuoteState(quote('sent', '2026-03-09'), today)).toBe('expired');
  });

  it('an accepted or refused quote never becomes expired', () => {
    expect(effectiveQuoteState(quote('accepted', '2026-01-01'), today)).toBe('accepted');
    expect(effectiveQuoteState(quote('refused', '2026-01-01'), today)).toBe('refused');
  });
});

describe('with validation required by the coop', () => {
  it('a member submits a draft, and staff validate it', () => {
    expect(decideQuoteTransition(quote('draft'), 'submit', as('member'))).toEqual({
      ok: true,
      effect: 'update',
      changes: { status: 'submitted', stampField: 'submittedOn', stampDate: today },
    });
    expect(decideQuoteTransition(quote('submitted'), 'validate', as('staff'))).toMatchObject({ ok: true, changes: { status: 'validated' } });
  });

  it('a member cannot validate their own quote, submitted or not', () => {
    expect(decideQuoteTransition(quote('submitted'), 'validate', as('member'))).toEqual({ ok: false, reason: 'forbidden_role' });
    expect(decideQuoteTransition(quote('draft'), 'validate', as('member'))).toEqual({ ok: false, reason: 'submission_required' });
  });

  it('staff may validate a draft directly', () => {
    expect(decideQuoteTransition(quote('draft'), 'validate', as('admin'))).toMatchObject({ ok: true, changes: { status: 'validated' } });
  });

  it('staff can send a submitted quote back to draft, a member cannot', () => {
    expect(decideQuoteTransition(quote('submitted'), 'send_back', as('staff'))).toMatchObject({ ok: true, changes: { status: 'draft' } });
    expect(decideQuoteTransition(quote('submitted'), 'send_back', as('member'))).toEqual({ ok: false, reason: 'forbidden_role' });
  });

  it('a submitted quote can no longer be edited', () => {
    expect(decideQuoteTransition(quote('submitted'), 'edit', as('member'))).toEqual({ ok: false, reason: 'not_allowed_in_state' });
    expect(decideQuoteTransition(quote('draft'), 'edit', as('member'))).toMatchObject({ ok: true });
  });
});

describe('without validation required', () => {
  it('a member validates their own draft, there is nothing to submit', () => {
    expect(decideQuoteTransition(quote('draft'), 'validate', as('member', false))).toMatchObject({ ok: true, changes: { status: 'validated' } });
    expect(decideQuoteTransition(quote('draft'), 'submit', as('member', false))).toEqual({ ok: false, reason: 'validation_not_required' });
  });
});

describe('sending', () => {
  it('only a validated quote is sent, and sending again keeps it sent', () => {
    expect(decideQuoteTransition(quote('validated'), 'send', as('member'))).toMatchObject({ ok: true, changes: { status: 'sent', stampField: 'sentOn' } });
    expect(decideQuoteTransition(quote('sent'), 'send', as('member'))).toMatchObject({ ok: true, changes: { status: 'sent' } });
    expect(decideQuoteTransition(quote('draft'), 'send', as('member'))).toEqual({ ok: false, reason: 'not_allowed_in_state' });
  });

  it('a lapsed quote cannot be sent, validated or submitted', () => {
    expect(decideQuoteTransition(quote('validated', '2026-03-01'), 'send', as('staff'))).toEqual({ ok: false, reason: 'quote_expired' });
    expect(decideQuoteTransition(quote('submitted', '2026-03-01'), 'validate', as('staff'))).toEqual({ ok: false, reason: 'quote_expired' });
    expect(decideQuoteTransition(quote('draft', '2026-03-01'), 'submit', as('member'))).toEqual({ ok: false, reason: 'quote_expired' });
  });
});

describe("the client's answer", () => {
  it('the client accepts or refuses a sent quote that is still valid', () => {
    expect(decideQuoteTransition(quote('sent'), 'accept', as('client'))).toEqual({
      ok: true,
      effect: 'update',
      changes: { status: 'accepted', stampField: 'acceptedOn', stampDate: today },
    });
    expect(decideQuoteTransition(quote('sent'), 'refuse', as('client'))).toMatchObject({ ok: true, changes: { status: 'refused' } });
  });

  it('the client can still accept on the last day of validity, not the day after', () => {
    expect(decideQuoteTransition(quote('sent', today), 'accept', as('client')).ok).toBe(true);
    expect(decideQuoteTransition(quote('sent', '2026-03-09'), 'accept', as('client'))).toEqual({ ok: false, reason: 'quote_expired' });
  });

  it('the client cannot accept a quote that was not sent, nor answer twice', () => {
    expect(decideQuoteTransition(quote('validated'), 'accept', as('client'))).toEqual({ ok: false, reason: 'not_allowed_in_state' });
    expect(decideQuoteTransition(quote('accepted'), 'refuse', as('client'))).toEqual({ ok: false, reason: 'not_allowed_in_state' });
  });

  it('a member cannot accept on behalf of the client, staff can record a signed paper', () => {
    expect(decideQuoteTransition(quote('sent'), 'accept', as('member'))).toEqual({ ok: false, reason: 'forbidden_role' });
    expect(decideQuoteTransition(quote('sent'), 'accept', as('staff'))).toMatchObject({ ok: true });
  });

  it('the client cannot draft, edit, send or validate', () => {
    for (const action of ['edit', 'submit', 'validate', 'send', 'duplicate'] as const) {
      expect(decideQuoteTransition(quote('draft'), action, as('client'))).toEqual({ ok: false, reason: 'forbidden_role' });
    }
  });
});

describe('duplicating', () => {
  it('any quote, even refused or expired, can be duplicated into a new draft', () => {
    for (const status of ['draft', 'submitted', 'validated', 'sent', 'accepted', 'refused'] as const) {
      expect(decideQuoteTransition(quote(status, '2026-01-01'), 'duplicate', as('member'))).toEqual({
        ok: true,
        effect: 'create_copy',
        changes: { status: 'draft' },
      });
    }
  });
});

describe('taking a submitted quote back', () => {
  it('the member withdraws a submitted quote to fix it: it is a draft again', () => {
    expect(decideQuoteTransition(quote('submitted'), 'withdraw', as('member'))).toEqual({ ok: true, effect: 'update', changes: { status: 'draft' } });
    expect(decideQuoteTransition(quote('submitted'), 'withdraw', as('staff'))).toMatchObject({ ok: true, changes: { status: 'draft' } });
  });

  it('only a submitted quote can be withdrawn, and never by the client', () => {
    for (const status of ['draft', 'validated', 'sent', 'accepted', 'refused'] as const) {
      expect(decideQuoteTransition(quote(status), 'withdraw', as('member'))).toEqual({ ok: false, reason: 'not_allowed_in_state' });
    }
    expect(decideQuoteTransition(quote('submitted'), 'withdraw', as('client'))).toEqual({ ok: false, reason: 'forbidden_role' });
  });
});
