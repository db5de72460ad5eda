import { describe, expect, it } from 'vitest';
import { orderAt } from './order-at.js';

describe('orderAt', () => {
  it('moves a chapter up by one, the others keeping their order', () => {
    expect(orderAt(['a', 'b', 'c', 'd'], 'c', 1)).toEqual(['a', 'c', 'b', 'd']);
  });
  it('moves a chapter to the end, and a rank beyond the end means last', () => {
    expect(orderAt(['a', 'b', 'c'], 'a', 2)).toEqual(['b', 'c', 'a']);
    expect(orderAt(['a', 'b', 'c'], 'a', 99)).toEqual(['b', 'c', 'a']);
  });
  it('adds a new chapter at its rank', () => {
    expect(orderAt(['a', 'b'], 'n', 0)).toEqual(['n', 'a', 'b']);
    expect(orderAt(['a', 'b'], 'n', 5)).toEqual(['a', 'b', 'n']);
  });
});
