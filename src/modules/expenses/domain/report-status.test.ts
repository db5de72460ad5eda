import { describe, expect, it } from 'vitest';
import { isEditable, mayMoveReport } from './report-status.js';

describe('the life of an expense report', () => {
  it('is submitted, returned, submitted again, validated, paid', () => {
    expect(mayMoveReport('draft', 'submitted')).toBe(true);
    expect(mayMoveReport('submitted', 'returned')).toBe(true);
    expect(mayMoveReport('returned', 'submitted')).toBe(true);
    expect(mayMoveReport('submitted', 'validated')).toBe(true);
    expect(mayMoveReport('validated', 'paid')).toBe(true);
  });
  it('is never validated unsubmitted, paid twice, or cancelled once paid', () => {
    expect(mayMoveReport('draft', 'validated')).toBe(false);
    expect(mayMoveReport('returned', 'validated')).toBe(false);
    expect(mayMoveReport('paid', 'paid')).toBe(false);
    expect(mayMoveReport('paid', 'cancelled')).toBe(false);
    expect(mayMoveReport('validated', 'cancelled')).toBe(true);
  });
  it('is edited only in draft or returned', () => {
    expect(isEditable('draft')).toBe(true);
    expect(isEditable('returned')).toBe(true);
    expect(isEditable('submitted')).toBe(false);
    expect(isEditable('validated')).toBe(false);
  });
});
