import { describe, expect, it } from 'vitest';
import { priceBooking, type PriceRule } from './price-booking.js';

const desk: PriceRule[] = [
  { unit: 'hour', memberPriceCents: 1500, nonMemberPriceCents: 2000, vatRateBp: 2000 },
  { unit: 'half_day', memberPriceCents: 4000, nonMemberPriceCents: 5000, vatRateBp: 2000 },
  { unit: 'day', memberPriceCents: 7000, nonMemberPriceCents: 9000, vatRateBp: 2000 },
  { unit: 'month', memberPriceCents: 25000, nonMemberPriceCents: 32000, vatRateBp: 2000 },
];

describe('booking price', () => {
  it('prices two hours by the hour', () => {
    expect(priceBooking(desk, 120, true)).toEqual({ priceCents: 3000, vatRateBp: 2000, unit: 'hour', quantity: 2 });
  });
  it('counts a started hour whole', () => {
    expect(priceBooking(desk, 61, true).priceCents).toBe(3000);
  });
  it('prices a 9:00–18:00 day as a day when that is cheaper than 9 hours or 3 half days', () => {
    expect(priceBooking(desk, 9 * 60, true)).toMatchObject({ priceCents: 7000, unit: 'day', quantity: 1 });
  });
  it('prices four hours as a half day', () => {
    expect(priceBooking(desk, 240, true)).toMatchObject({ priceCents: 4000, unit: 'half_day' });
  });
  it('charges a client who is not a member the non-member price', () => {
    expect(priceBooking(desk, 9 * 60, false).priceCents).toBe(9000);
  });
  it('prices a month of desk by the month', () => {
    expect(priceBooking(desk, 30 * 1440, true)).toMatchObject({ priceCents: 25000, unit: 'month', quantity: 1 });
  });
  it('is free when the resource has no price', () => {
    expect(priceBooking([], 120, true)).toEqual({ priceCents: 0, vatRateBp: 2000, unit: null, quantity: 0 });
  });
});
