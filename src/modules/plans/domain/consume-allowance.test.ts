import { describe, expect, it } from 'vitest';
import { consumeAllowance, remainingBalance, type GrantBalance } from './consume-allowance.js';

const d = (s: string) => new Date(s);
const grant = (id: string, kind: GrantBalance['kind'], quantity: number, expires = '2026-07-01T00:00:00Z', extra: Partial<GrantBalance> = {}): GrantBalance => ({
  id,
  kind,
  quantity,
  used: 0,
  validFrom: d('2026-06-01T00:00:00Z'),
  expiresAt: d(expires),
  limitedKinds: null,
  ...extra,
});
const desk = (from: string, to: string, priceCents = 2500) => ({ resourceKind: 'hot_desk', startsAt: d(from), endsAt: d(to), priceCents });

describe('consumeAllowance', () => {
  it('takes the earliest-expiring pass first', () => {
    const paid = consumeAllowance([grant('late', 'pass_day', 5, '2026-08-01T00:00:00Z'), grant('early', 'pass_day', 5)], desk('2026-06-10T07:00:00Z', '2026-06-10T16:00:00Z'));
    expect(paid).toEqual({ uses: [{ grantId: 'early', kind: 'pass_day', quantity: 1, coveredMinutes: 540 }], billableCents: 0, paidBy: 'allowance' });
  });

  it('takes a half-day pass for a short booking before a day pass, a day pass for a long one', () => {
    const grants = [grant('day', 'pass_day', 1), grant('half', 'pass_half_day', 1, '2026-08-01T00:00:00Z')];
    expect(consumeAllowance(grants, desk('2026-06-10T07:00:00Z', '2026-06-10T10:00:00Z')).uses.map((u) => u.grantId)).toEqual(['half']);
    expect(consumeAllowance(grants, desk('2026-06-10T07:00:00Z', '2026-06-10T15:00:00Z')).uses.map((u) => u.grantId)).toEqual(['day']);
  });

  it('never takes beyond what a grant has left: the rest pays per use', () => {
    const paid = consumeAllowance([grant('p', 'pass_day', 3, undefined, { used: 3 })], desk('2026-06-10T07:00:00Z', '2026-06-10T16:00:00Z'));
    expect(paid).toEqual({ uses: [], billableCents: 2500, paidBy: 'pay_per_use' });
  });

  it('a 1 h credit on a 2 h room leaves half the price to pay', () => {
    const paid = consumeAllowance([grant('c', 'credit_minutes', 60)], { resourceKind: 'meeting_room', startsAt: d('2026-06-10T08:00:00Z'), endsAt: d('2026-06-10T10:00:00Z'), priceCents: 4000 });
    expect(paid).toEqual({ uses: [{ grantId: 'c', kind: 'credit_minutes', quantity: 60, coveredMinutes: 60 }], billableCents: 2000, paidBy: 'pay_per_use' });
  });

  it('a credit in cents pays what time credits left, no more', () => {
    const paid = consumeAllowance([grant('m', 'credit_minutes', 30), grant('e', 'credit_cents', 1000)], { resourceKind: 'meeting_room', startsAt: d('2026-06-10T08:00:00Z'), endsAt: d('2026-06-10T09:00:00Z'), priceCents: 3000 });
    expect(paid.uses).toEqual([
      { grantId: 'm', kind: 'credit_minutes', quantity: 30, coveredMinutes: 30 },
      { grantId: 'e', kind: 'credit_cents', quantity: 1000, coveredMinutes: 0 },
    ]);
    expect(paid.billableCents).toBe(500);
  });

  it('a grant limited to some kinds does not pay for another kind', () => {
    const paid = consumeAllowance([grant('c', 'credit_minutes', 600, undefined, { limitedKinds: ['meeting_room'] })], { resourceKind: 'van', startsAt: d('2026-06-10T08:00:00Z'), endsAt: d('2026-06-10T10:00:00Z'), priceCents: 9000 });
    expect(paid).toEqual({ uses: [], billableCents: 9000, paidBy: 'pay_per_use' });
  });

  it('an expired grant, or one not yet valid, does not apply', () => {
    const grants = [grant('old', 'pass_day', 5, '2026-06-01T00:00:00Z', { validFrom: d('2026-05-01T00:00:00Z') }), grant('future', 'pass_day', 5, '2026-08-01T00:00:00Z', { validFrom: d('2026-07-01T00:00:00Z') })];
    expect(consumeAllowance(grants, desk('2026-06-10T07:00:00Z', '2026-06-10T16:00:00Z')).paidBy).toBe('pay_per_use');
  });

  it('a two-day booking takes two day passes, or one and pays the other day', () => {
    expect(consumeAllowance([grant('p', 'pass_day', 5)], desk('2026-06-10T00:00:00Z', '2026-06-12T00:00:00Z', 5000)).uses).toEqual([{ grantId: 'p', kind: 'pass_day', quantity: 2, coveredMinutes: 2880 }]);
    expect(consumeAllowance([grant('p', 'pass_day', 1)], desk('2026-06-10T00:00:00Z', '2026-06-12T00:00:00Z', 5000)).billableCents).toBe(2500);
  });

  it('a free resource with no allowance used is free', () => {
    expect(consumeAllowance([], desk('2026-06-10T07:00:00Z', '2026-06-10T08:00:00Z', 0)).paidBy).toBe('free');
  });
});

describe('remainingBalance', () => {
  it('lists what is left, earliest expiry first, without spent or expired grants', () => {
    const now = d('2026-06-15T00:00:00Z');
    const left = remainingBalance([grant('b', 'pass_day', 10, '2026-08-01T00:00:00Z', { used: 2 }), grant('a', 'pass_day', 3, undefined, { used: 3 }), grant('c', 'credit_minutes', 60), grant('x', 'pass_day', 1, '2026-06-01T00:00:00Z')], now);
    expect(left.map((g) => [g.id, g.left])).toEqual([
      ['c', 60],
      ['b', 8],
    ]);
  });
});
