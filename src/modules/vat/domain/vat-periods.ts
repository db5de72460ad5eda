/** How often the coop files its CA3 return (CGI ann. II art. 39: monthly, or quarterly when the VAT due is small). */
export const VAT_PERIODICITIES = ['monthly', 'quarterly'] as const;
export type VatPeriodicity = (typeof VAT_PERIODICITIES)[number];

/** A return period: `2026-03` (a month) or `2026-Q1` (a quarter). */
export const VAT_PERIOD_PATTERN = /^(\d{4})-(?:(0[1-9]|1[0-2])|Q([1-4]))$/;

export interface VatPeriod {
  key: string;
  start: string;
  end: string;
  periodicity: VatPeriodicity;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The first and last day of a period key; null when the key is not one. */
export function vatPeriodOf(key: string): VatPeriod | null {
  const m = VAT_PERIOD_PATTERN.exec(key);
  if (!m) return null;
  const year = Number(m[1]);
  const [first, last, periodicity] = m[2] ? [Number(m[2]), Number(m[2]), 'monthly' as const] : [Number(m[3]) * 3 - 2, Number(m[3]) * 3, 'quarterly' as const];
  return { key, start: `${year}-${pad(first)}-01`, end: `${year}-${pad(last)}-${pad(lastDay(year, last))}`, periodicity };
}

/** The key of the period a day falls in. */
export function vatPeriodKeyOf(date: string, periodicity: VatPeriodicity): string {
  const year = date.slice(0, 4);
  const month = Number(date.slice(5, 7));
  return periodicity === 'monthly' ? `${year}-${pad(month)}` : `${year}-Q${Math.ceil(month / 3)}`;
}

/** The `count` periods up to the one holding `today`, newest first (the accountant's choice of period). */
export function recentVatPeriods(today: string, periodicity: VatPeriodicity, count: number): string[] {
  const keys: string[] = [];
  let year = Number(today.slice(0, 4));
  let month = Number(today.slice(5, 7));
  const step = periodicity === 'monthly' ? 1 : 3;
  if (periodicity === 'quarterly') month = Math.ceil(month / 3) * 3 - 2;
  for (let i = 0; i < count; i++) {
    keys.push(vatPeriodKeyOf(`${year}-${pad(month)}-01`, periodicity));
    month -= step;
    if (month < 1) {
      month += 12;
      year -= 1;
    }
  }
  return keys;
}

/** The day before a date (YYYY-MM-DD): the end of what was carried into a period. */
export function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
