/**
 * Check-out and check-in of a van or a piece of equipment. The two readings frame what the
 * member used: the kilometres driven are billed or checked against the booking, so a check-in
 * reading below the check-out one is a typing error to refuse (the database holds the same
 * check, for two staff recording at once).
 */
export type HandoverDirection = 'out' | 'in';

export interface RecordedHandover {
  direction: HandoverDirection;
  mileageKm: number | null;
}

export type HandoverRefusal =
  | { code: 'HANDOVER_ALREADY_OUT' }
  | { code: 'HANDOVER_NOT_OUT' }
  | { code: 'HANDOVER_ALREADY_IN' }
  | { code: 'MILEAGE_BELOW_CHECK_OUT'; field: 'mileageKm'; checkOutKm: number }
  | { code: 'MILEAGE_REQUIRED'; field: 'mileageKm' };

/** Whether this handover may be recorded after those already recorded for the booking. */
export function refuseHandover(input: { direction: HandoverDirection; mileageKm: number | null; mileageTracked: boolean; recorded: readonly RecordedHandover[] }): HandoverRefusal | null {
  const out = input.recorded.find((h) => h.direction === 'out');
  const back = input.recorded.find((h) => h.direction === 'in');
  if (input.direction === 'out') {
    if (out) return { code: 'HANDOVER_ALREADY_OUT' };
  } else {
    if (!out) return { code: 'HANDOVER_NOT_OUT' };
    if (back) return { code: 'HANDOVER_ALREADY_IN' };
  }
  if (input.mileageTracked && input.mileageKm === null) return { code: 'MILEAGE_REQUIRED', field: 'mileageKm' };
  if (input.direction === 'in' && out?.mileageKm != null && input.mileageKm !== null && input.mileageKm < out.mileageKm) {
    return { code: 'MILEAGE_BELOW_CHECK_OUT', field: 'mileageKm', checkOutKm: out.mileageKm };
  }
  return null;
}

/** Kilometres driven during a booking, once it is back (null while it is out or untracked). */
export function kilometresDriven(recorded: readonly RecordedHandover[]): number | null {
  const out = recorded.find((h) => h.direction === 'out')?.mileageKm;
  const back = recorded.find((h) => h.direction === 'in')?.mileageKm;
  return out != null && back != null ? back - out : null;
}
