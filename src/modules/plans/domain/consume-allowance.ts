/*
 * How a booking is paid from a member's allowance (passes and credits of their plan).
 *
 * The rule, in order:
 * 1. Only grants that apply: valid when the booking starts (validFrom <= start < expiresAt),
 *    with something left, and for the booking's resource kind when the grant is limited to some.
 * 2. Passes cover time of the booking: a day pass up to 24 h (one day of the booking), a half-day
 *    pass up to 4 h. A booking of 4 h or less takes a half-day pass before a day pass (a day pass is
 *    never split, so it is not spent where half of it would do); otherwise a day pass before a
 *    half-day pass. Within a kind, the earliest-expiring grant first (then the oldest id, so two
 *    runs always agree).
 * 3. Credits in minutes then cover what time is left, earliest-expiring first.
 * 4. What time is still uncovered pays per use, in proportion of the booking's price
 *    (price × uncovered minutes ÷ booking minutes, rounded half up): a 1 h credit on a 2 h room
 *    at 40 € leaves 20 € to pay.
 * 5. Credits in cents then pay that amount, earliest-expiring first.
 * Nothing is ever taken beyond what a grant has left: a balance never goes below zero (the
 * database checks it again, see the `allowance_grants` check and the row locks in charge-booking.ts).
 */

export const GRANT_KINDS = ['pass_day', 'pass_half_day', 'credit_minutes', 'credit_cents'] as const;
export type GrantKind = (typeof GRANT_KINDS)[number];

export const DAY_PASS_MINUTES = 24 * 60;
export const HALF_DAY_PASS_MINUTES = 4 * 60;

export interface GrantBalance {
  id: string;
  kind: GrantKind;
  /** Passes (whole units), minutes or cents granted. */
  quantity: number;
  /** Already used (live uses only: a released use gave its quantity back). */
  used: number;
  validFrom: Date;
  /** Exclusive: a booking starting at this instant is no longer covered. */
  expiresAt: Date;
  /** Resource kinds the grant pays for; null: every kind. */
  limitedKinds: readonly string[] | null;
}

export interface BookingToPay {
  resourceKind: string;
  startsAt: Date;
  endsAt: Date;
  priceCents: number;
}

export interface AllowanceUse {
  grantId: string;
  kind: GrantKind;
  /** Passes, minutes or cents taken from the grant. */
  quantity: number;
  /** Minutes of the booking this use covered (0 for a credit in cents). */
  coveredMinutes: number;
}

export interface AllowancePayment {
  uses: AllowanceUse[];
  /** What is left to pay per use, after every grant that applies. */
  billableCents: number;
  paidBy: 'allowance' | 'pay_per_use' | 'free';
}

const left = (g: GrantBalance) => g.quantity - g.used;

function applies(g: GrantBalance, booking: BookingToPay): boolean {
  const at = booking.startsAt.getTime();
  return left(g) > 0 && g.validFrom.getTime() <= at && at < g.expiresAt.getTime() && (g.limitedKinds === null || g.limitedKinds.includes(booking.resourceKind));
}

const byExpiry = (a: GrantBalance, b: GrantBalance) => a.expiresAt.getTime() - b.expiresAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Rounds half up a non-negative ratio of cents. */
const prorata = (cents: number, part: number, whole: number) => (whole <= 0 ? 0 : Math.floor((cents * part * 2 + whole) / (whole * 2)));

export function consumeAllowance(grants: readonly GrantBalance[], booking: BookingToPay): AllowancePayment {
  const totalMinutes = Math.max(0, Math.round((booking.endsAt.getTime() - booking.startsAt.getTime()) / 60_000));
  const usable = grants.filter((g) => applies(g, booking)).map((g) => ({ ...g }));
  const ofKind = (kind: GrantKind) => usable.filter((g) => g.kind === kind && left(g) > 0).sort(byExpiry);
  const uses: AllowanceUse[] = [];
  const take = (g: GrantBalance, quantity: number, coveredMinutes: number) => {
    g.used += quantity;
    const same = uses.find((u) => u.grantId === g.id);
    if (same) {
      same.quantity += quantity;
      same.coveredMinutes += coveredMinutes;
    } else uses.push({ grantId: g.id, kind: g.kind, quantity, coveredMinutes });
  };

  let minutesLeft = totalMinutes;
  while (minutesLeft > 0) {
    const halfDay = ofKind('pass_half_day')[0];
    const day = ofKind('pass_day')[0];
    const pass = minutesLeft <= HALF_DAY_PASS_MINUTES ? (halfDay ?? day) : (day ?? halfDay);
    if (!pass) break;
    const covered = Math.min(minutesLeft, pass.kind === 'pass_day' ? DAY_PASS_MINUTES : HALF_DAY_PASS_MINUTES);
    take(pass, 1, covered);
    minutesLeft -= covered;
  }
  for (const credit of ofKind('credit_minutes')) {
    if (minutesLeft <= 0) break;
    const covered = Math.min(minutesLeft, left(credit));
    take(credit, covered, covered);
    minutesLeft -= covered;
  }
  let billableCents = minutesLeft === totalMinutes ? booking.priceCents : prorata(booking.priceCents, minutesLeft, totalMinutes);
  for (const credit of ofKind('credit_cents')) {
    if (billableCents <= 0) break;
    const paid = Math.min(billableCents, left(credit));
    take(credit, paid, 0);
    billableCents -= paid;
  }
  const paidBy = billableCents > 0 ? 'pay_per_use' : uses.length > 0 ? 'allowance' : 'free';
  return { uses, billableCents, paidBy };
}

/** What a member has left, grant by grant, at an instant: expired and spent grants drop out. */
export function remainingBalance(grants: readonly GrantBalance[], now: Date): { id: string; kind: GrantKind; left: number; expiresAt: Date }[] {
  return grants
    .filter((g) => left(g) > 0 && g.expiresAt.getTime() > now.getTime())
    .sort(byExpiry)
    .map((g) => ({ id: g.id, kind: g.kind, left: left(g), expiresAt: g.expiresAt }));
}
