import type { PriceUnit } from '../schema.js';

export interface PriceRule {
  unit: PriceUnit;
  memberPriceCents: number;
  nonMemberPriceCents: number;
  vatRateBp: number;
}

export interface BookingPrice {
  priceCents: number;
  vatRateBp: number;
  /** The unit the price was counted in, and how many; null when the resource has no price (free). */
  unit: PriceUnit | null;
  quantity: number;
}

/** Minutes in each unit: a half day is 4 hours, a day 24 hours (a 9:00–18:00 booking is one day), a month 30 days. */
export const UNIT_MINUTES: Record<PriceUnit, number> = { hour: 60, half_day: 240, day: 1440, month: 43200 };

/**
 * The price of a booking (excl. VAT): the cheapest single unit that covers its whole length,
 * each unit counted whole (started is due). So a 9:00–18:00 day is 9 hours, or 3 half days,
 * or 1 day, whichever costs least: with 15 €/h, 40 €/half day, 70 €/day it is 70 €. Members
 * pay the member price; a client who is not a member (booked by staff) the non-member price.
 * Units are not mixed (no "1 day + 2 hours"): one line, easy to read on the invoice.
 */
export function priceBooking(rules: readonly PriceRule[], minutes: number, forMember: boolean): BookingPrice {
  let best: BookingPrice | null = null;
  for (const rule of rules) {
    const quantity = Math.max(1, Math.ceil(minutes / UNIT_MINUTES[rule.unit]));
    const priceCents = quantity * (forMember ? rule.memberPriceCents : rule.nonMemberPriceCents);
    if (!best || priceCents < best.priceCents) best = { priceCents, vatRateBp: rule.vatRateBp, unit: rule.unit, quantity };
  }
  return best ?? { priceCents: 0, vatRateBp: 2000, unit: null, quantity: 0 };
}
