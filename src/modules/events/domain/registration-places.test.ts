import { describe, expect, it } from 'vitest';
import { placeRegistration, placesLeft, promotions, renumberWaiting } from './registration-places.js';

describe('a registration at capacity', () => {
  it('is confirmed while a place is left, then waits at the end of the list', () => {
    expect(placeRegistration({ capacity: 3, confirmed: 2, waiting: 0 })).toEqual({ status: 'confirmed', waitingPosition: null });
    expect(placeRegistration({ capacity: 3, confirmed: 3, waiting: 0 })).toEqual({ status: 'waiting', waitingPosition: 1 });
    expect(placeRegistration({ capacity: 3, confirmed: 3, waiting: 4 })).toEqual({ status: 'waiting', waitingPosition: 5 });
  });

  it('is always confirmed when the event takes as many as come', () => {
    expect(placeRegistration({ capacity: null, confirmed: 500, waiting: 0 })).toEqual({ status: 'confirmed', waitingPosition: null });
    expect(placesLeft(null, 500)).toBeNull();
  });

  it('counts no negative places when the capacity was lowered below those confirmed', () => {
    expect(placesLeft(10, 4)).toBe(6);
    expect(placesLeft(3, 5)).toBe(0);
  });
});

describe('a cancellation', () => {
  it('promotes the first waiting person, and only as many as places freed', () => {
    expect(promotions({ capacity: 3, confirmed: 2, waitingInOrder: ['a', 'b', 'c'] })).toEqual(['a']);
    expect(promotions({ capacity: 5, confirmed: 2, waitingInOrder: ['a', 'b'] })).toEqual(['a', 'b']);
    expect(promotions({ capacity: 3, confirmed: 3, waitingInOrder: ['a'] })).toEqual([]);
    expect(promotions({ capacity: 2, confirmed: 4, waitingInOrder: ['a'] })).toEqual([]);
    expect(promotions({ capacity: null, confirmed: 4, waitingInOrder: ['a', 'b'] })).toEqual(['a', 'b']);
  });

  it('leaves those still waiting at positions 1..k, in their order, without a gap', () => {
    expect([...renumberWaiting(['c', 'd', 'f'])]).toEqual([
      ['c', 1],
      ['d', 2],
      ['f', 3],
    ]);
  });
});
