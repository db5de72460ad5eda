/**
 * The time of day a person typed, as "HH:mm" on 24 hours, or null when it is not one. French
 * readers write "9h30" as often as "09:30"; "0930" and "9.30" are taken too.
 */
export function parseTypedTime(text: string): string | null {
  const m = /^(\d{1,2})\s*[:hH.]?\s*(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const hours = Number(m[1]);
  const minutes = Number(m[2]);
  return hours < 24 && minutes < 60 ? `${String(hours).padStart(2, '0')}:${m[2]}` : null;
}
