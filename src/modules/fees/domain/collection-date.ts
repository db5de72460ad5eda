/**
 * When a collection may be dated, from the day the file is built.
 *
 * - The SEPA Core Direct Debit rulebook (EPC016, since November 2016) wants the collection at
 *   the debtor's bank at least one TARGET2 business day before its due date, for every
 *   sequence (FRST and RCUR alike: the D-5 of first collections was dropped). The creditor's
 *   bank needs the file one more business day before that to forward it: the platform asks
 *   for 2 TARGET2 business days between the file date and the collection date (D-2).
 * - The debtor is told the amount and date before the debit (the pre-notification,
 *   rulebook AT-D016): 14 calendar days before, unless the mandate agreed a shorter delay (a
 *   coop setting). The notice leaves when the collection is built, so the date is at least that
 *   many days after the file date.
 */
export const INTERBANK_DAYS_BEFORE = 2;

const toDate = (day: string) => new Date(`${day}T00:00:00Z`);
const toDay = (d: Date) => d.toISOString().slice(0, 10);
export const addDays = (day: string, n: number) => {
  const d = toDate(day);
  d.setUTCDate(d.getUTCDate() + n);
  return toDay(d);
};

/** Easter Sunday of a year (the anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** TARGET2 closing days (ECB): weekends, 1 January, Good Friday, Easter Monday, 1 May, 25 and 26 December. */
export function isTargetBusinessDay(day: string): boolean {
  const weekday = toDate(day).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  const md = day.slice(5);
  if (md === '01-01' || md === '05-01' || md === '12-25' || md === '12-26') return false;
  const easter = easterSunday(Number(day.slice(0, 4)));
  return day !== addDays(easter, -2) && day !== addDays(easter, 1);
}

/** The n-th TARGET2 business day after `day`. */
export function addBusinessDays(day: string, n: number): string {
  let d = day;
  for (let left = n; left > 0; ) {
    d = addDays(d, 1);
    if (isTargetBusinessDay(d)) left--;
  }
  return d;
}

/**
 * The earliest collection date for a file built on `fileDate`: D-2 business days for the
 * banks, the pre-notification delay for the debtor, and a business day itself (a debit is
 * settled on a TARGET2 day).
 */
export function earliestCollectionDate(fileDate: string, prenotificationDays: number): string {
  let d = addBusinessDays(fileDate, INTERBANK_DAYS_BEFORE);
  const notified = addDays(fileDate, prenotificationDays);
  if (notified > d) d = notified;
  while (!isTargetBusinessDay(d)) d = addDays(d, 1);
  return d;
}

/** Why a chosen date cannot be used, or null. */
export function collectionDateProblem(collectionDate: string, fileDate: string, prenotificationDays: number): { fr: string; en: string } | null {
  const earliest = earliestCollectionDate(fileDate, prenotificationDays);
  if (!isTargetBusinessDay(collectionDate)) return { fr: 'La date de prélèvement doit être un jour ouvré TARGET2 (ni week-end ni jour férié bancaire).', en: 'The collection date must be a TARGET2 business day (no weekend, no bank holiday).' };
  if (collectionDate < earliest) {
    return {
      fr: `Au plus tôt le ${earliest} : préavis de ${prenotificationDays} jours au débiteur et 2 jours ouvrés pour les banques (règles SEPA).`,
      en: `At the earliest on ${earliest}: ${prenotificationDays} days' notice to the debtor and 2 business days for the banks (SEPA rules).`,
    };
  }
  return null;
}
