import { FRANCE_TIME_ZONE } from '../../platform/calendar/contract';

/**
 * Sessions and events are held in the coop's rooms, in French time: shown and typed as Paris
 * wall-clock time whatever zone the browser is set to (a member travelling, a test browser in UTC).
 */
export const PARIS_DATE_TIME: Intl.DateTimeFormatOptions = { dateStyle: 'short', timeStyle: 'short', timeZone: FRANCE_TIME_ZONE };

function parisOffsetMs(instant: number): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: FRANCE_TIME_ZONE, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
      .formatToParts(new Date(instant))
      .map((p) => [p.type, p.value]),
  );
  return Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second)) - instant;
}

/** "2026-11-17T09:30" read as Paris time → the ISO instant the API takes ('' if unreadable). */
export function parisWallTimeToIso(local: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) return '';
  const asUtc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  // Two passes settle the offset across a DST change (the offset at the guessed instant may differ by an hour).
  let instant = asUtc - parisOffsetMs(asUtc);
  instant = asUtc - parisOffsetMs(instant);
  return new Date(instant).toISOString();
}

/** An instant → the "2026-11-17T09:30" a DateTimeField holds, in Paris time (to prefill an edit form). */
export function isoToParisWallTime(iso: string): string {
  const instant = new Date(iso).getTime();
  if (Number.isNaN(instant)) return '';
  return new Date(instant + parisOffsetMs(instant)).toISOString().slice(0, 16);
}
