import { describe, expect, it } from 'vitest';
import { daysPerWeek, endWithNotice, grantsForMonth, monthlyFee, nextMonth, type PlanTerms, type SubscriptionTerms } from './subscription-cycle.js';

const plan: PlanTerms = { monthlyPriceCents: 15_000, includedDayPasses: 10, includedHalfDayPasses: 0, includedCreditMinutes: 120, includedCreditCents: 0, creditKinds: ['meeting_room'], passKinds: ['hot_desk'], rollover: false, noticeDays: 30 };
const sub = (extra: Partial<SubscriptionTerms> = {}): SubscriptionTerms => ({ startsOn: '2026-06-01', endsOn: null, pauses: [], ...extra });

describe('monthly fee', () => {
  it('is the plan price for a whole month', () => expect(monthlyFee(plan, sub(), '2026-07')).toBe(15_000));
  it('is prorated by the days left for a start mid-month', () => expect(monthlyFee(plan, sub({ startsOn: '2026-06-16' }), '2026-06')).toBe(7_500));
  it('rounds the prorata half up', () => expect(monthlyFee({ monthlyPriceCents: 10_000 }, sub({ startsOn: '2026-07-21' }), '2026-07')).toBe(3_548));
  it('is nothing before the start, after the end, or in a paused month', () => {
    expect(monthlyFee(plan, sub({ startsOn: '2026-07-01' }), '2026-06')).toBe(0);
    expect(monthlyFee(plan, sub({ endsOn: '2026-06-30' }), '2026-07')).toBe(0);
    expect(monthlyFee(plan, sub({ pauses: [{ fromMonth: '2026-08', untilMonth: '2026-09' }] }), '2026-09')).toBe(0);
    expect(monthlyFee(plan, sub({ pauses: [{ fromMonth: '2026-08', untilMonth: '2026-09' }] }), '2026-10')).toBe(15_000);
    expect(monthlyFee(plan, sub({ pauses: [{ fromMonth: '2026-08', untilMonth: null }] }), '2027-01')).toBe(0);
  });
});

describe('grants of a month', () => {
  it('grants the plan passes and credits, expiring at the month end without rollover', () => {
    expect(grantsForMonth(plan, sub(), '2026-06')).toEqual([
      { kind: 'pass_day', quantity: 10, validFromDay: '2026-06-01', expiresDay: '2026-07-01', limitedKinds: ['hot_desk'] },
      { kind: 'credit_minutes', quantity: 120, validFromDay: '2026-06-01', expiresDay: '2026-07-01', limitedKinds: ['meeting_room'] },
    ]);
  });
  it('with rollover, what is left stays valid one more month, once', () => {
    expect(grantsForMonth({ ...plan, rollover: true }, sub(), '2026-12')[0]).toMatchObject({ validFromDay: '2026-12-01', expiresDay: '2027-02-01' });
  });
  it('a start mid-month gets its share, rounded down', () => {
    expect(grantsForMonth(plan, sub({ startsOn: '2026-06-16' }), '2026-06')).toMatchObject([
      { kind: 'pass_day', quantity: 5, validFromDay: '2026-06-16' },
      { kind: 'credit_minutes', quantity: 60 },
    ]);
  });
  it('a paused month grants nothing', () => expect(grantsForMonth(plan, sub({ pauses: [{ fromMonth: '2026-06', untilMonth: '2026-06' }] }), '2026-06')).toEqual([]));
});

describe('end with notice', () => {
  it('runs the notice, then to the end of that month', () => {
    expect(endWithNotice('2026-03-25', 10)).toBe('2026-04-30');
    expect(endWithNotice('2026-03-05', 10)).toBe('2026-03-31');
    expect(endWithNotice('2026-12-20', 30)).toBe('2027-01-31');
  });
});

it('next month crosses the year', () => expect(nextMonth('2026-12')).toBe('2027-01'));
it('Mon, Tue and Wed morning are 2.5 days a week', () =>
  expect(
    daysPerWeek([
      { weekday: 'mon', part: 'day' },
      { weekday: 'tue', part: 'day' },
      { weekday: 'wed', part: 'morning' },
    ]),
  ).toBe(2.5));
