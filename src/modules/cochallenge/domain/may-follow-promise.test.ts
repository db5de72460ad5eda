import { describe, expect, it } from 'vitest';
import { mayFollowPromise, needsQuote } from './may-follow-promise.js';

describe('following a promise', () => {
  it('moves forward, steps may be skipped', () => {
    expect(mayFollowPromise('promised', 'meeting_held')).toBe(true);
    expect(mayFollowPromise('promised', 'quote_sent')).toBe(true);
    expect(mayFollowPromise('quote_sent', 'contract_signed')).toBe(true);
  });
  it('never moves back, and a signed contract or a dropped promise is final', () => {
    expect(mayFollowPromise('quote_sent', 'meeting_held')).toBe(false);
    expect(mayFollowPromise('meeting_held', 'meeting_held')).toBe(false);
    expect(mayFollowPromise('contract_signed', 'dropped')).toBe(false);
    expect(mayFollowPromise('dropped', 'meeting_held')).toBe(false);
  });
  it('may be dropped before a contract', () => {
    expect(mayFollowPromise('promised', 'dropped')).toBe(true);
    expect(mayFollowPromise('quote_sent', 'dropped')).toBe(true);
  });
  it('needs a quote once it is quoted', () => {
    expect(needsQuote('quote_sent')).toBe(true);
    expect(needsQuote('contract_signed')).toBe(true);
    expect(needsQuote('meeting_held')).toBe(false);
  });
});
