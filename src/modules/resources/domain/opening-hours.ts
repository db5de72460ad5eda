/** Opening hours of a day: ISO weekday (1 = Monday … 7 = Sunday), wall-clock 'HH:MM' in the site's zone. */
export interface OpeningSpan {
  weekday: number;
  opens: string;
  closes: string;
}
export type OpeningHours = OpeningSpan[];
