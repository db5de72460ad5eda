/**
 * The day a person typed in a date field, as `YYYY-MM-DD`, or null when it is not a day of
 * the calendar. French readers type "02/12/2026" (day first, in both of the app's languages:
 * its English is British); the ISO form a browser or a test fills in is taken too.
 */
export function parseTypedDay(text: string): string | null {
  const value = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  const dayFirst = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : dayFirst ? [dayFirst[3], dayFirst[2], dayFirst[1]] : [];
  if (!year || !month || !day) return null;
  const result = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  const date = new Date(`${result}T00:00:00Z`);
  // 31/02 rolls over to March in Date: refuse what does not come back as typed.
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === result ? result : null;
}
