/**
 * Mileage allowances (indemnités kilométriques) at the tax administration's scale for cars
 * (barème kilométrique, art. 83 du CGI; BOI-BAREME-000001). The scale gives the allowance of
 * a whole year's distance `d` by fiscal horsepower (3 CV and less … 7 CV and more) in three
 * bands: d × a up to 5 000 km, d × b + c from 5 001 to 20 000 km, d × e beyond. A trip is one
 * part of the year: its allowance is what the year's total with it is worth minus what the
 * year's total without it was worth, so the trips of a year add up to the scale's amount of
 * the year's distance, whatever their number. The scales are data (data/mileage-scales.json),
 * one per year of publication.
 */
export interface MileageBand {
  perKmMillis: number;
  fixedCents: number;
}
export interface MileageScale {
  year: number;
  /** The upper bounds of the first two bands, in km (5 000 and 20 000). */
  bandsKm: [number, number];
  cars: { horsepower: number; bands: [MileageBand, MileageBand, MileageBand] }[];
}

export const MIN_HORSEPOWER = 3;
export const MAX_HORSEPOWER = 7;
/** A trip longer than this is a typing error (the whole year of a professional driver is ~50 000 km). */
export const MAX_TRIP_KM = 10_000;

/** The scale that applies to a trip of `year`: that year's, or the latest published before it (a scale is published in spring, for the past year's incomes). */
export function scaleForYear(scales: readonly MileageScale[], year: number): MileageScale | null {
  let best: MileageScale | null = null;
  for (const s of scales) if (s.year <= year && (!best || s.year > best.year)) best = s;
  return best;
}

/** The scale's horsepower row: below 3 CV reads as 3, above 7 as 7 ("3 CV et moins", "7 CV et plus"). */
function rowOf(scale: MileageScale, horsepower: number) {
  const hp = Math.min(MAX_HORSEPOWER, Math.max(MIN_HORSEPOWER, Math.trunc(horsepower)));
  const row = scale.cars.find((c) => c.horsepower === hp);
  if (!row) throw new RangeError(`no row for ${hp} CV in the ${scale.year} scale`);
  return row;
}

/** The allowance of a whole year's distance, in cents, rounded half-up to the cent. */
export function yearAllowanceCents(scale: MileageScale, horsepower: number, yearKm: number): number {
  if (yearKm <= 0) return 0;
  const row = rowOf(scale, horsepower);
  const band = yearKm <= scale.bandsKm[0] ? row.bands[0] : yearKm <= scale.bandsKm[1] ? row.bands[1] : row.bands[2];
  // km × thousandths of a euro = tenths of a cent; half-up to the cent in integers.
  return Math.floor((yearKm * band.perKmMillis + 5) / 10) + band.fixedCents;
}

/**
 * The allowance of one trip of `distanceKm`, when the member already claimed `priorKm` in the
 * same year: the band is that of the year's distance, the trip gets the difference.
 */
export function tripAllowanceCents(scale: MileageScale, horsepower: number, distanceKm: number, priorKm: number): number {
  return yearAllowanceCents(scale, horsepower, priorKm + distanceKm) - yearAllowanceCents(scale, horsepower, priorKm);
}
