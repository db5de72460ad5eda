import { describe, expect, it } from 'vitest';
import { isNoShow } from './no-show.js';

const startsAt = new Date('2026-03-10T08:00:00Z');
describe('no-show', () => {
  it('a confirmed desk booking not checked in by the cutoff is a no-show', () => {
    expect(isNoShow({ status: 'confirmed', startsAt, checkedInAt: null }, 120, new Date('2026-03-10T09:59:59Z'))).toBe(false);
    expect(isNoShow({ status: 'confirmed', startsAt, checkedInAt: null }, 120, new Date('2026-03-10T10:00:00Z'))).toBe(true);
  });
  it('a checked-in or cancelled booking never is', () => {
    const late = new Date('2026-03-10T18:00:00Z');
    expect(isNoShow({ status: 'confirmed', startsAt, checkedInAt: new Date('2026-03-10T09:00:00Z') }, 120, late)).toBe(false);
    expect(isNoShow({ status: 'cancelled', startsAt, checkedInAt: null }, 120, late)).toBe(false);
  });
});
