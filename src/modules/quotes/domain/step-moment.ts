/**
 * The moment a quote's step is stamped with (sent, accepted…: the history the quote shows as
 * evidence). A step taken today is stamped with the clock. A step dated on an earlier day,
 * which only a replayed history does (the demo's, a migration's), is stamped on that day,
 * late morning in France: stamping it with the clock would show a quote accepted after the
 * deposit invoice its acceptance led to was paid.
 */
export function stepMoment(day: string, now: Date, todayOfNow: string): Date {
  return day < todayOfNow ? new Date(`${day}T10:00:00Z`) : now;
}
