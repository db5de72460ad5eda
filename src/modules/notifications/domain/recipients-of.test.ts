import { describe, expect, it } from 'vitest';
import { audiencesOf, namedIdsOf, recipientsOf } from './recipients-of.js';

const people = { validators: ['admin', 'advisor'], accountants: ['books'], holders: ['camille', 'dominique'], member: ['ines'] };

describe('who is told of an audit record', () => {
  it('an invoice submitted for validation goes to the advisors and admins', () => {
    expect(recipientsOf({ action: 'invoice.submitted', actorUserId: 'camille' }, people)).toEqual(['admin', 'advisor']);
  });

  it('an invoice validated, a quote accepted, a payment applied go to the members holding the activity', () => {
    for (const action of ['invoice.validated', 'quote.accepted', 'invoice.payment_applied', 'salary.validated', 'advance.paid', 'advance.settled']) {
      expect(recipientsOf({ action, actorUserId: 'advisor' }, people)).toEqual(['camille', 'dominique']);
    }
  });

  it('requests of salary and advance, and invoices of independents received, go to the validators', () => {
    for (const action of ['salary.requested', 'advance.requested', 'member_invoice.received']) expect(audiencesOf(action)).toEqual(['validators']);
  });

  it('a crossed independence threshold goes to the member and to the validators', () => {
    expect(recipientsOf({ action: 'independence.threshold_crossed', actorUserId: null }, people)).toEqual(['admin', 'advisor', 'ines']);
  });

  it('an imported bank statement goes to the accountants', () => {
    expect(recipientsOf({ action: 'bank_statement.imported', actorUserId: 'admin' }, people)).toEqual(['books']);
  });

  it('a member changing the bank account their money is sent to is told to the accountants', () => {
    expect(recipientsOf({ action: 'member.bank_details_changed', actorUserId: 'camille' }, people)).toEqual(['books']);
  });

  it('never tells people of their own action', () => {
    expect(recipientsOf({ action: 'invoice.submitted', actorUserId: 'advisor' }, people)).toEqual(['admin']);
    expect(recipientsOf({ action: 'quote.accepted', actorUserId: 'camille' }, people)).toEqual(['dominique']);
  });

  it('tells a person holding two parts once', () => {
    expect(recipientsOf({ action: 'independence.threshold_crossed', actorUserId: null }, { ...people, member: ['admin'] })).toEqual(['admin', 'advisor']);
  });

  it('tells nobody of drafts, settings and other records nobody waits for', () => {
    for (const action of ['invoice.draft_updated', 'coop.settings_updated', 'client.created']) expect(recipientsOf({ action, actorUserId: null }, people)).toEqual([]);
  });
});

describe('the ids a record names for its recipients', () => {
  it('reads activityId, activityIds, memberId and the participants of a job, after and before', () => {
    expect(
      namedIdsOf({
        status: { before: 'requested', after: 'validated' },
        activityId: { before: null, after: 'a1' },
        activityIds: { before: ['a2'], after: ['a3'] },
        memberId: { before: null, after: 'm1' },
        participants: { before: null, after: [{ activityId: 'a4', shareBp: 5000 }, { activityId: 'a1' }] },
      }),
    ).toEqual({ activityIds: ['a1', 'a3', 'a2', 'a4'], memberIds: ['m1'] });
  });

  it('ignores values that are not ids', () => {
    expect(namedIdsOf({ activityId: { before: 42, after: '' }, memberId: { before: null, after: null } })).toEqual({ activityIds: [], memberIds: [] });
  });
});
