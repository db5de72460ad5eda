import { describe, expect, it } from 'vitest';
import scales from '../data/mileage-scales.json' with { type: 'json' };
import { scaleForYear, tripAllowanceCents, yearAllowanceCents, type MileageScale } from './mileage.js';

const all = scales.scales as MileageScale[];
const s2025 = scaleForYear(all, 2025)!;

describe('the mileage scale', () => {
  it('reads the scale of the year, or the latest one published before it', () => {
    expect(scaleForYear(all, 2025)?.year).toBe(2025);
    expect(scaleForYear(all, 2026)?.year).toBe(2025);
    expect(scaleForYear(all, 2024)?.year).toBe(2024);
    expect(scaleForYear(all, 2020)).toBeNull();
    expect(scaleForYear(all, 2021)).toBeNull();
  });

  it('prices a year of each band: d × 0,636 up to 5 000 km, d × 0,357 + 1 395 € up to 20 000, d × 0,427 beyond (5 CV)', () => {
    expect(yearAllowanceCents(s2025, 5, 1000)).toBe(63_600);
    expect(yearAllowanceCents(s2025, 5, 5000)).toBe(318_000);
    expect(yearAllowanceCents(s2025, 5, 10_000)).toBe(357_000 + 139_500);
    expect(yearAllowanceCents(s2025, 5, 25_000)).toBe(1_067_500);
    expect(yearAllowanceCents(s2025, 3, 100)).toBe(5_290);
    expect(yearAllowanceCents(s2025, 7, 6000)).toBe(236_400 + 151_500);
  });

  it('reads below 3 CV as 3 CV and above 7 CV as 7 CV', () => {
    expect(yearAllowanceCents(s2025, 2, 100)).toBe(yearAllowanceCents(s2025, 3, 100));
    expect(yearAllowanceCents(s2025, 11, 100)).toBe(6_970);
  });

  it('rounds the tenths of a cent half-up', () => {
    // 3 km × 0,529 = 1,587 € → 1,59 €
    expect(yearAllowanceCents(s2025, 3, 3)).toBe(159);
  });

  it("prices a trip by the band of the year's distance: the trips of a year add up to the year's amount", () => {
    expect(tripAllowanceCents(s2025, 5, 100, 0)).toBe(6_360);
    // Past 5 000 km the year moves to the middle band: the trip gets the difference.
    const prior = 4950;
    const trip = tripAllowanceCents(s2025, 5, 100, prior);
    expect(trip).toBe(yearAllowanceCents(s2025, 5, 5050) - yearAllowanceCents(s2025, 5, 4950));
    expect(trip).not.toBe(6_360);
    // Well inside the middle band a trip is d × 0,357.
    expect(tripAllowanceCents(s2025, 5, 100, 8000)).toBe(3_570);
    let sum = 0;
    let km = 0;
    for (const d of [1200, 3000, 900, 7000, 9000]) {
      sum += tripAllowanceCents(s2025, 5, d, km);
      km += d;
    }
    expect(sum).toBe(yearAllowanceCents(s2025, 5, km));
  });
});
