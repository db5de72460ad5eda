import { describe, expect, it } from 'vitest';
import { canMoveActivity, nextStatusesOf } from './activity-status.js';

describe('activity status', () => {
  it('suspends an active activity and reactivates a suspended one', () => {
    expect(canMoveActivity('active', 'suspended')).toBe(true);
    expect(canMoveActivity('suspended', 'active')).toBe(true);
  });

  it('closes an activity whether active or suspended', () => {
    expect(canMoveActivity('active', 'closed')).toBe(true);
    expect(canMoveActivity('suspended', 'closed')).toBe(true);
  });

  it('never reopens a closed activity', () => {
    expect(canMoveActivity('closed', 'active')).toBe(false);
    expect(canMoveActivity('closed', 'suspended')).toBe(false);
    expect(nextStatusesOf('closed')).toEqual([]);
  });

  it('does not count staying in place as a move', () => {
    expect(canMoveActivity('active', 'active')).toBe(false);
  });
});
