import { describe, expect, it } from 'vitest';
import { attendanceProblem, mayTakeAttendance } from './may-take-attendance.js';

describe('attendance', () => {
  it('is taken by staff or by the member who hosts the event, by no other member', () => {
    expect(mayTakeAttendance({ isStaff: true, actorMemberId: null, hostMemberId: 'h' })).toBe(true);
    expect(mayTakeAttendance({ isStaff: false, actorMemberId: 'h', hostMemberId: 'h' })).toBe(true);
    expect(mayTakeAttendance({ isStaff: false, actorMemberId: 'x', hostMemberId: 'h' })).toBe(false);
    expect(mayTakeAttendance({ isStaff: false, actorMemberId: null, hostMemberId: null })).toBe(false);
  });

  it('opens on the day of the event in Paris, and stays open a week for corrections', () => {
    const event = { status: 'scheduled' as const, startsAt: new Date('2026-12-10T11:30:00Z') };
    expect(attendanceProblem(event, new Date('2026-12-09T22:59:00Z'))).toBe('ATTENDANCE_NOT_OPEN');
    expect(attendanceProblem(event, new Date('2026-12-09T23:00:00Z'))).toBeNull(); // midnight in Paris
    expect(attendanceProblem(event, new Date('2026-12-17T12:00:00Z'))).toBeNull();
    expect(attendanceProblem(event, new Date('2026-12-18T12:00:00Z'))).toBe('ATTENDANCE_CLOSED');
    expect(attendanceProblem({ ...event, status: 'cancelled' }, new Date('2026-12-10T12:00:00Z'))).toBe('EVENT_CANCELLED');
  });
});
