import { describe, expect, it } from 'vitest';
import { kilometresDriven, refuseHandover } from './handover-rules.js';

describe('van check-out and check-in', () => {
  it('a van goes out once, then comes back once', () => {
    expect(refuseHandover({ direction: 'out', mileageKm: 1000, mileageTracked: true, recorded: [] })).toBeNull();
    expect(refuseHandover({ direction: 'out', mileageKm: 1000, mileageTracked: true, recorded: [{ direction: 'out', mileageKm: 1000 }] })).toEqual({ code: 'HANDOVER_ALREADY_OUT' });
    expect(refuseHandover({ direction: 'in', mileageKm: 1000, mileageTracked: true, recorded: [] })).toEqual({ code: 'HANDOVER_NOT_OUT' });
    const both = [{ direction: 'out' as const, mileageKm: 1000 }, { direction: 'in' as const, mileageKm: 1200 }];
    expect(refuseHandover({ direction: 'in', mileageKm: 1300, mileageTracked: true, recorded: both })).toEqual({ code: 'HANDOVER_ALREADY_IN' });
  });

  it('the mileage back may not be below the mileage out, and names the field', () => {
    expect(refuseHandover({ direction: 'in', mileageKm: 999, mileageTracked: true, recorded: [{ direction: 'out', mileageKm: 1000 }] })).toEqual({ code: 'MILEAGE_BELOW_CHECK_OUT', field: 'mileageKm', checkOutKm: 1000 });
    expect(refuseHandover({ direction: 'in', mileageKm: 1000, mileageTracked: true, recorded: [{ direction: 'out', mileageKm: 1000 }] })).toBeNull();
  });

  it('a van needs its mileage; equipment does not', () => {
    expect(refuseHandover({ direction: 'out', mileageKm: null, mileageTracked: true, recorded: [] })).toEqual({ code: 'MILEAGE_REQUIRED', field: 'mileageKm' });
    expect(refuseHandover({ direction: 'out', mileageKm: null, mileageTracked: false, recorded: [] })).toBeNull();
  });

  it('kilometres driven are known once the van is back', () => {
    expect(kilometresDriven([{ direction: 'out', mileageKm: 1000 }])).toBeNull();
    expect(kilometresDriven([{ direction: 'out', mileageKm: 1000 }, { direction: 'in', mileageKm: 1240 }])).toBe(240);
  });
});
