import { describe, expect, it } from 'vitest';
import { cancellationProblem, registrationProblem } from './registration-window.js';

const startsAt = new Date('2026-12-10T11:30:00Z');
const at = (iso: string) => new Date(iso);

describe('registrations close', () => {
  it("at the event's start when no deadline is set", () => {
    const event = { status: 'scheduled' as const, startsAt, registrationDeadline: null };
    expect(registrationProblem(event, at('2026-12-10T11:29:59Z'))).toBeNull();
    expect(registrationProblem(event, at('2026-12-10T11:30:00Z'))).toBe('REGISTRATION_CLOSED');
  });

  it('at the deadline when the organisers set one (to order the lunch)', () => {
    const event = { status: 'scheduled' as const, startsAt, registrationDeadline: at('2026-12-09T17:00:00Z') };
    expect(registrationProblem(event, at('2026-12-09T16:59:00Z'))).toBeNull();
    expect(registrationProblem(event, at('2026-12-09T17:00:00Z'))).toBe('REGISTRATION_CLOSED');
  });

  it('never open on a cancelled or finished event', () => {
    expect(registrationProblem({ status: 'cancelled', startsAt, registrationDeadline: null }, at('2026-12-01T00:00:00Z'))).toBe('EVENT_CANCELLED');
    expect(registrationProblem({ status: 'done', startsAt, registrationDeadline: null }, at('2026-12-01T00:00:00Z'))).toBe('EVENT_DONE');
  });

  it('a registration can be given up until the start, not after', () => {
    expect(cancellationProblem({ status: 'scheduled', startsAt }, at('2026-12-10T11:00:00Z'))).toBeNull();
    expect(cancellationProblem({ status: 'scheduled', startsAt }, at('2026-12-10T11:30:00Z'))).toBe('EVENT_STARTED');
  });
});
