import { describe, expect, it } from 'vitest';
import { latePenaltyCents } from './late-interest.js';

describe('late-payment penalties', () => {
  it('run from the day after the due date at the yearly rate on 365 days', () => {
    // 1 000 € at 12.15 % for 45 days: 1000 × 0.1215 × 45 / 365 = 14.979… €.
    expect(latePenaltyCents({ amountLeftCents: 100_000, rateBp: 1215, dueDate: '2026-03-01', today: '2026-04-15' })).toBe(1498);
  });

  it('are nothing on the due date itself nor before', () => {
    expect(latePenaltyCents({ amountLeftCents: 100_000, rateBp: 1215, dueDate: '2026-03-01', today: '2026-03-01' })).toBe(0);
    expect(latePenaltyCents({ amountLeftCents: 100_000, rateBp: 1215, dueDate: '2026-03-01', today: '2026-02-01' })).toBe(0);
  });

  it('round half a cent up and stay exact on large amounts', () => {
    // 365 cents at 1 % for one day: 0.01 cent, rounds to 0; 18 250 cents: 0.5 cent, rounds to 1.
    expect(latePenaltyCents({ amountLeftCents: 365, rateBp: 100, dueDate: '2026-03-01', today: '2026-03-02' })).toBe(0);
    expect(latePenaltyCents({ amountLeftCents: 18_250, rateBp: 100, dueDate: '2026-03-01', today: '2026-03-02' })).toBe(1);
    expect(latePenaltyCents({ amountLeftCents: 9_000_000_000_000, rateBp: 10_000, dueDate: '2026-01-01', today: '2027-01-01' })).toBe(9_000_000_000_000);
  });

  it('are nothing when nothing is left to pay', () => {
    expect(latePenaltyCents({ amountLeftCents: 0, rateBp: 1215, dueDate: '2026-03-01', today: '2026-12-01' })).toBe(0);
  });
});
