import { describe, expect, it } from 'vitest';
import { signLink } from '../../../platform/auth/signed-links.js';
import { claimedCoopOfToken, parsePortalSubject, portalLinkExpiry, portalSubject, QUOTE_PORTAL_PURPOSE } from './portal-link.js';

const coopId = '11111111-1111-4111-8111-111111111111';
const quoteId = '22222222-2222-4222-8222-222222222222';

describe('quote portal link', () => {
  it('lasts until the end of the seventh day after the validity date', () => {
    expect(portalLinkExpiry('2026-06-30').toISOString()).toBe('2026-07-08T00:00:00.000Z');
  });

  it('names the coop and the quote, and reads them back', () => {
    expect(parsePortalSubject(portalSubject(coopId, quoteId))).toEqual({ coopId, quoteId });
    expect(parsePortalSubject('nonsense')).toBeNull();
  });

  it('tells which coop a token claims, and nothing for garbage', () => {
    const token = signLink({ purpose: QUOTE_PORTAL_PURPOSE, subjectId: portalSubject(coopId, quoteId), expiresAt: new Date('2030-01-01') }, 'x'.repeat(32));
    expect(claimedCoopOfToken(token)).toBe(coopId);
    expect(claimedCoopOfToken('!!!.abc')).toBeNull();
    expect(claimedCoopOfToken('e30.abc')).toBeNull();
  });
});
