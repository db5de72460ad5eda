import { describe, expect, it } from 'vitest';
import { cancellationFee } from './cancellation-fee.js';

const booking = { startsAt: new Date('2027-02-10T08:00:00Z'), priceCents: 7000 };

describe('cancellation fee', () => {
  it('is free before the deadline', () => {
    expect(cancellationFee({ deadlineMinutes: 1440, feeCents: 2000, feeBp: null }, booking, new Date('2027-02-09T07:59:00Z'))).toBe(0);
  });
  it('costs the fixed fee inside the deadline', () => {
    expect(cancellationFee({ deadlineMinutes: 1440, feeCents: 2000, feeBp: null }, booking, new Date('2027-02-09T08:01:00Z'))).toBe(2000);
  });
  it('costs a share of the price when the fee is a percentage', () => {
    expect(cancellationFee({ deadlineMinutes: 1440, feeCents: null, feeBp: 5000 }, booking, new Date('2027-02-10T07:00:00Z'))).toBe(3500);
  });
  it('never costs more than the booking', () => {
    expect(cancellationFee({ deadlineMinutes: 60, feeCents: 99999, feeBp: null }, booking, new Date('2027-02-10T07:30:00Z'))).toBe(7000);
  });
  it('is free without a deadline', () => {
    expect(cancellationFee({ deadlineMinutes: null, feeCents: 2000, feeBp: null }, booking, new Date('2027-02-10T07:59:00Z'))).toBe(0);
  });
});
