import { describe, expect, it } from 'vitest';
import { allowedMoves, decideTransition, fieldsOfMove, type LifecycleState, type MemberStatus } from './lifecycle.js';

const settings = { leavingNoticeMonths: 1 };

function member(over: Partial<LifecycleState> = {}): LifecycleState {
  return {
    membershipType: 'entrepreneur_salarie',
    status: 'candidate',
    statusSince: '2025-01-10',
    supportStartDate: null,
    supportEndDate: null,
    noticeDate: null,
    leavingDate: null,
    statusBeforeLeaving: null,
    ...over,
  };
}

describe('moves an entrepreneur-salarié may make', () => {
  it('goes from candidate to a CAPE with its contract dates', () => {
    const d = decideTransition(member(), { to: 'in_support', effectiveDate: '2025-02-01', contractStartDate: '2025-02-01', contractEndDate: '2026-01-31' }, settings);
    expect(d).toEqual({ ok: true, updates: { status: 'in_support', statusSince: '2025-02-01', supportStartDate: '2025-02-01', supportEndDate: '2026-01-31' } });
  });

  it('goes from candidate straight to a CESA', () => {
    const d = decideTransition(member(), { to: 'employee', effectiveDate: '2025-02-01', contractStartDate: '2025-02-01' }, settings);
    expect(d).toEqual({ ok: true, updates: { status: 'employee', statusSince: '2025-02-01', employmentStartDate: '2025-02-01' } });
  });

  it('goes from CAPE to CESA', () => {
    const state = member({ status: 'in_support', statusSince: '2025-02-01', supportStartDate: '2025-02-01', supportEndDate: '2026-01-31' });
    const d = decideTransition(state, { to: 'employee', effectiveDate: '2026-02-01', contractStartDate: '2026-02-01' }, settings);
    expect(d).toMatchObject({ ok: true, updates: { status: 'employee', employmentStartDate: '2026-02-01' } });
  });

  it('renews a CAPE with a new end date, keeping its start and the date the status began', () => {
    const state = member({ status: 'in_support', statusSince: '2025-02-01', supportStartDate: '2025-02-01', supportEndDate: '2026-01-31' });
    const d = decideTransition(state, { to: 'in_support', effectiveDate: '2026-01-15', contractEndDate: '2027-01-31' }, settings);
    expect(d).toEqual({ ok: true, updates: { status: 'in_support', statusSince: '2025-02-01', supportEndDate: '2027-01-31' } });
  });

  it('becomes an associate of the SCOP from a CESA, dated', () => {
    const d = decideTransition(member({ status: 'employee', statusSince: '2025-02-01' }), { to: 'associate', effectiveDate: '2027-06-30' }, settings);
    expect(d).toEqual({ ok: true, updates: { status: 'associate', statusSince: '2027-06-30', associateSince: '2027-06-30' } });
  });

  it('lists the moves of each step of the path', () => {
    const moves = (status: MemberStatus) => allowedMoves({ membershipType: 'entrepreneur_salarie', status, statusBeforeLeaving: null });
    expect(moves('candidate')).toEqual(['in_support', 'employee', 'leaving']);
    expect(moves('in_support')).toEqual(['in_support', 'employee', 'leaving']);
    expect(moves('employee')).toEqual(['associate', 'leaving']);
    expect(moves('associate')).toEqual(['leaving']);
    expect(moves('left')).toEqual([]);
  });
});

describe('moves an entrepreneur-salarié may not make', () => {
  it.each<[MemberStatus, MemberStatus]>([
    ['candidate', 'associate'],
    ['candidate', 'active'],
    ['candidate', 'left'],
    ['candidate', 'candidate'],
    ['in_support', 'associate'],
    ['in_support', 'candidate'],
    ['employee', 'in_support'],
    ['employee', 'active'],
    ['employee', 'employee'],
    ['associate', 'employee'],
    ['associate', 'associate'],
  ])('cannot go from %s to %s', (status, to) => {
    const d = decideTransition(member({ status }), { to, effectiveDate: '2025-06-01', contractStartDate: '2025-06-01', contractEndDate: '2025-12-31' }, settings);
    expect(d).toEqual({ ok: false, code: 'TRANSITION_NOT_ALLOWED', reason: 'not_allowed', field: 'to' });
  });

  it('needs the start and end dates of the CAPE', () => {
    expect(decideTransition(member(), { to: 'in_support', effectiveDate: '2025-02-01', contractEndDate: '2025-12-31' }, settings)).toMatchObject({
      ok: false,
      code: 'VALIDATION_FAILED',
      reason: 'required',
      field: 'contractStartDate',
    });
    expect(decideTransition(member(), { to: 'in_support', effectiveDate: '2025-02-01', contractStartDate: '2025-02-01' }, settings)).toMatchObject({
      ok: false,
      reason: 'required',
      field: 'contractEndDate',
    });
  });

  it('refuses a CAPE that ends before it starts', () => {
    const d = decideTransition(member(), { to: 'in_support', effectiveDate: '2025-02-01', contractStartDate: '2025-02-01', contractEndDate: '2025-01-31' }, settings);
    expect(d).toMatchObject({ ok: false, reason: 'end_before_start', field: 'contractEndDate' });
  });

  it('accepts a CAPE of exactly 36 months and refuses one day more', () => {
    const base = { to: 'in_support' as const, effectiveDate: '2025-02-01', contractStartDate: '2025-02-01' };
    expect(decideTransition(member(), { ...base, contractEndDate: '2028-01-31' }, settings).ok).toBe(true);
    expect(decideTransition(member(), { ...base, contractEndDate: '2028-02-01' }, settings)).toMatchObject({ ok: false, reason: 'cape_too_long', field: 'contractEndDate' });
  });

  it('refuses a renewal that takes the CAPE beyond 36 months from its first start', () => {
    const state = member({ status: 'in_support', statusSince: '2025-02-01', supportStartDate: '2025-02-01', supportEndDate: '2027-01-31' });
    const d = decideTransition(state, { to: 'in_support', effectiveDate: '2027-01-15', contractEndDate: '2028-03-31' }, settings);
    expect(d).toMatchObject({ ok: false, reason: 'cape_too_long', field: 'contractEndDate' });
  });

  it('needs the start date of the CESA', () => {
    const d = decideTransition(member(), { to: 'employee', effectiveDate: '2025-02-01' }, settings);
    expect(d).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', reason: 'required', field: 'contractStartDate' });
  });
});

describe('moves of independents and coworkers', () => {
  it('an independent becomes active, then an associate', () => {
    const independent = member({ membershipType: 'independent' });
    expect(decideTransition(independent, { to: 'active', effectiveDate: '2025-02-01' }, settings)).toEqual({ ok: true, updates: { status: 'active', statusSince: '2025-02-01' } });
    expect(decideTransition({ ...independent, status: 'active' }, { to: 'associate', effectiveDate: '2025-09-01' }, settings)).toMatchObject({
      ok: true,
      updates: { status: 'associate', associateSince: '2025-09-01' },
    });
    expect(allowedMoves({ membershipType: 'independent', status: 'candidate', statusBeforeLeaving: null })).toEqual(['active', 'leaving']);
    expect(allowedMoves({ membershipType: 'independent', status: 'active', statusBeforeLeaving: null })).toEqual(['associate', 'leaving']);
  });

  it('a coworker becomes active but never an associate', () => {
    const coworker = member({ membershipType: 'coworker' });
    expect(decideTransition(coworker, { to: 'active', effectiveDate: '2025-02-01' }, settings).ok).toBe(true);
    expect(decideTransition({ ...coworker, status: 'active' }, { to: 'associate', effectiveDate: '2025-09-01' }, settings)).toMatchObject({ ok: false, code: 'TRANSITION_NOT_ALLOWED' });
    expect(allowedMoves({ membershipType: 'coworker', status: 'active', statusBeforeLeaving: null })).toEqual(['leaving']);
  });

  it.each<['independent' | 'coworker', MemberStatus]>([
    ['independent', 'in_support'],
    ['independent', 'employee'],
    ['independent', 'associate'],
    ['coworker', 'in_support'],
    ['coworker', 'employee'],
    ['coworker', 'associate'],
  ])('a candidate %s cannot move to %s', (membershipType, to) => {
    const d = decideTransition(member({ membershipType }), { to, effectiveDate: '2025-06-01', contractStartDate: '2025-06-01', contractEndDate: '2025-12-31' }, settings);
    expect(d).toMatchObject({ ok: false, code: 'TRANSITION_NOT_ALLOWED' });
  });
});

describe('leaving the cooperative', () => {
  it.each<[LifecycleState['membershipType'], MemberStatus]>([
    ['entrepreneur_salarie', 'candidate'],
    ['entrepreneur_salarie', 'in_support'],
    ['entrepreneur_salarie', 'employee'],
    ['entrepreneur_salarie', 'associate'],
    ['independent', 'active'],
    ['coworker', 'active'],
  ])('a %s member who is %s may give notice', (membershipType, status) => {
    const d = decideTransition(member({ membershipType, status }), { to: 'leaving', effectiveDate: '2025-03-01', noticeDate: '2025-03-01' }, settings);
    expect(d).toEqual({ ok: true, updates: { status: 'leaving', statusSince: '2025-03-01', noticeDate: '2025-03-01', leavingDate: '2025-04-01' } });
  });

  it('sets the leaving date from the notice period of the cooperative', () => {
    const d = decideTransition(member(), { to: 'leaving', effectiveDate: '2025-01-31', noticeDate: '2025-01-31' }, { leavingNoticeMonths: 3 });
    expect(d).toMatchObject({ ok: true, updates: { leavingDate: '2025-04-30' } });
  });

  it('accepts a later leaving date than the notice period requires', () => {
    const d = decideTransition(member(), { to: 'leaving', effectiveDate: '2025-03-01', noticeDate: '2025-03-01', leavingDate: '2025-06-30' }, settings);
    expect(d).toMatchObject({ ok: true, updates: { leavingDate: '2025-06-30' } });
  });

  it('refuses a leaving date before the end of the notice period', () => {
    const d = decideTransition(member(), { to: 'leaving', effectiveDate: '2025-03-01', noticeDate: '2025-03-01', leavingDate: '2025-03-31' }, settings);
    expect(d).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', reason: 'leaving_before_notice_period', field: 'leavingDate' });
  });

  it('needs the notice date', () => {
    expect(decideTransition(member(), { to: 'leaving', effectiveDate: '2025-03-01' }, settings)).toMatchObject({ ok: false, reason: 'required', field: 'noticeDate' });
  });

  it('cannot give notice twice', () => {
    const leaving = member({ status: 'leaving', noticeDate: '2025-03-01', leavingDate: '2025-04-01', statusBeforeLeaving: 'employee' });
    expect(decideTransition(leaving, { to: 'leaving', effectiveDate: '2025-03-10', noticeDate: '2025-03-10' }, settings)).toMatchObject({ ok: false, code: 'TRANSITION_NOT_ALLOWED' });
  });

  it('leaves on or after the leaving date', () => {
    const leaving = member({ status: 'leaving', statusSince: '2025-03-01', noticeDate: '2025-03-01', leavingDate: '2025-04-01', statusBeforeLeaving: 'employee' });
    expect(decideTransition(leaving, { to: 'left', effectiveDate: '2025-04-01' }, settings)).toEqual({ ok: true, updates: { status: 'left', statusSince: '2025-04-01' } });
    expect(decideTransition(leaving, { to: 'left', effectiveDate: '2025-05-15' }, settings).ok).toBe(true);
  });

  it('cannot leave before the leaving date', () => {
    const leaving = member({ status: 'leaving', statusSince: '2025-03-01', noticeDate: '2025-03-01', leavingDate: '2025-04-01', statusBeforeLeaving: 'employee' });
    expect(decideTransition(leaving, { to: 'left', effectiveDate: '2025-03-31' }, settings)).toMatchObject({ ok: false, reason: 'left_before_leaving_date', field: 'effectiveDate' });
  });

  it('goes back to the status held before when the notice is withdrawn', () => {
    const leaving = member({ status: 'leaving', statusSince: '2025-03-01', noticeDate: '2025-03-01', leavingDate: '2025-04-01', statusBeforeLeaving: 'employee' });
    expect(allowedMoves(leaving)).toEqual(['left', 'employee']);
    expect(decideTransition(leaving, { to: 'employee', effectiveDate: '2025-03-15' }, settings)).toEqual({
      ok: true,
      updates: { status: 'employee', statusSince: '2025-03-15', noticeDate: null, leavingDate: null },
    });
  });

  it('cannot withdraw the notice towards another status than the one before', () => {
    const leaving = member({ status: 'leaving', statusSince: '2025-03-01', noticeDate: '2025-03-01', leavingDate: '2025-04-01', statusBeforeLeaving: 'employee' });
    expect(decideTransition(leaving, { to: 'associate', effectiveDate: '2025-03-15' }, settings)).toMatchObject({ ok: false, code: 'TRANSITION_NOT_ALLOWED' });
    expect(decideTransition(leaving, { to: 'candidate', effectiveDate: '2025-03-15' }, settings)).toMatchObject({ ok: false, code: 'TRANSITION_NOT_ALLOWED' });
  });

  it('a member who left cannot move any more', () => {
    const left = member({ status: 'left', statusSince: '2025-04-01' });
    for (const to of ['candidate', 'in_support', 'employee', 'associate', 'active', 'leaving', 'left'] as const) {
      expect(decideTransition(left, { to, effectiveDate: '2025-05-01', noticeDate: '2025-05-01', contractStartDate: '2025-05-01', contractEndDate: '2025-12-31' }, settings)).toMatchObject({
        ok: false,
        code: 'TRANSITION_NOT_ALLOWED',
      });
    }
  });
});

describe('effective dates', () => {
  it('refuses a move dated before the current status began', () => {
    const d = decideTransition(member({ statusSince: '2025-01-10' }), { to: 'employee', effectiveDate: '2025-01-09', contractStartDate: '2025-01-09' }, settings);
    expect(d).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', reason: 'before_status_since', field: 'effectiveDate' });
  });

  it('accepts a move dated the day the current status began', () => {
    expect(decideTransition(member({ statusSince: '2025-01-10' }), { to: 'employee', effectiveDate: '2025-01-10', contractStartDate: '2025-01-10' }, settings).ok).toBe(true);
  });
});

describe('dates a move asks for', () => {
  it('names the fields each form needs', () => {
    expect(fieldsOfMove('candidate', 'in_support')).toEqual(['contractStartDate', 'contractEndDate']);
    expect(fieldsOfMove('in_support', 'in_support')).toEqual(['contractEndDate']);
    expect(fieldsOfMove('candidate', 'employee')).toEqual(['contractStartDate']);
    expect(fieldsOfMove('active', 'leaving')).toEqual(['noticeDate', 'leavingDate']);
    expect(fieldsOfMove('employee', 'associate')).toEqual([]);
    expect(fieldsOfMove('leaving', 'employee')).toEqual([]);
    expect(fieldsOfMove('leaving', 'left')).toEqual([]);
  });
});
