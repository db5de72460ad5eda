import type { PromiseStatus } from '../contract.js';

const RANK: Record<PromiseStatus, number> = { promised: 0, meeting_held: 1, quote_sent: 2, contract_signed: 3, dropped: -1 };

/**
 * A promise moves forward (a step may be skipped: a company can ask for a quote on the phone
 * the day after) or is dropped; a signed contract is final, a dropped promise stays dropped
 * (a new contact is a new promise), so the follow-up reads as what really happened.
 */
export function mayFollowPromise(from: PromiseStatus, to: PromiseStatus): boolean {
  if (from === 'dropped' || from === 'contract_signed') return false;
  if (to === 'dropped') return true;
  return RANK[to] > RANK[from];
}

/** Quote sent and contract signed point at the quote of the quotes module that carries the euros. */
export const needsQuote = (status: PromiseStatus) => status === 'quote_sent' || status === 'contract_signed';
