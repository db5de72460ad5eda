import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signLink, verifyLink } from './signed-links.js';

const secret = 'k1-0123456789abcdef0123456789abcdef';
const newSecret = 'k2-fedcba9876543210fedcba9876543210';
const expiresAt = new Date('2026-04-01T00:00:00.000Z');
const before = new Date('2026-03-31T23:59:59.999Z');
const link = (purpose = 'quote', subjectId = 'q-123') => signLink({ purpose, subjectId, expiresAt }, secret);

describe('signed links', () => {
  it('a link opens its subject, for its purpose, until it expires', () => {
    expect(verifyLink(link(), secret, before, 'quote')).toEqual({ ok: true, payload: { purpose: 'quote', subjectId: 'q-123', expiresAt } });
  });

  it('the token is URL-safe and the same input always gives the same token', () => {
    expect(link()).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(link()).toBe(link());
  });

  it('a link has expired at its expiry instant, not a millisecond before', () => {
    expect(verifyLink(link(), secret, before, 'quote').ok).toBe(true);
    expect(verifyLink(link(), secret, expiresAt, 'quote')).toEqual({ ok: false, reason: 'expired' });
    expect(verifyLink(link(), secret, new Date('2027-01-01T00:00:00Z'), 'quote')).toEqual({ ok: false, reason: 'expired' });
  });

  it('changing any single character of the token makes it refused', () => {
    const token = link();
    for (let i = 0; i < token.length; i++) {
      if (token[i] === '.') continue;
      const other = token[i] === 'A' ? 'B' : 'A';
      const forged = token.slice(0, i) + other + token.slice(i + 1);
      const result = verifyLink(forged, secret, before, 'quote');
      expect(result.ok, `position ${i}`).toBe(false);
      expect(['tampered', 'malformed']).toContain(result.ok ? null : result.reason);
    }
  });

  it('a payload rewritten to another subject or a later expiry is tampered', () => {
    const [, signature] = link().split('.');
    const forged = Buffer.from(JSON.stringify({ p: 'quote', s: 'q-999', e: expiresAt.getTime() + 86_400_000 })).toString('base64url');
    expect(verifyLink(`${forged}.${signature}`, secret, before, 'quote')).toEqual({ ok: false, reason: 'tampered' });
  });

  it('a quote link cannot open an invoice', () => {
    expect(verifyLink(link('quote', 'x-1'), secret, before, 'invoice')).toEqual({ ok: false, reason: 'wrong_purpose' });
  });

  it('a link signed with another secret is tampered', () => {
    expect(verifyLink(link(), newSecret, before, 'quote')).toEqual({ ok: false, reason: 'tampered' });
  });

  it('after a key rotation, links signed with the previous secret still open, new ones use the new secret', () => {
    const fresh = signLink({ purpose: 'quote', subjectId: 'q-1', expiresAt }, newSecret);
    expect(verifyLink(link(), [newSecret, secret], before, 'quote').ok).toBe(true);
    expect(verifyLink(fresh, [newSecret, secret], before, 'quote').ok).toBe(true);
    expect(verifyLink(link(), [newSecret], before, 'quote')).toEqual({ ok: false, reason: 'tampered' });
  });

  it('garbage is malformed, never an error', () => {
    for (const token of ['', 'abc', 'a.b.c', 'a.b', '!!!.' + 'A'.repeat(43), `${'A'.repeat(10)}.${'A'.repeat(42)}`]) {
      expect(verifyLink(token, secret, before, 'quote')).toEqual({ ok: false, reason: 'malformed' });
    }
  });

  it('a correctly signed payload that is not a link is malformed', () => {
    const encoded = Buffer.from('{"p":"quote"}').toString('base64url');
    const signature = createHmac('sha256', secret).update(encoded).digest('base64url');
    expect(verifyLink(`${encoded}.${signature}`, secret, before, 'quote')).toEqual({ ok: false, reason: 'malformed' });
  });

  it('refuses a short secret, so a weak key is never used', () => {
    expect(() => signLink({ purpose: 'quote', subjectId: 'q', expiresAt }, 'short')).toThrow(RangeError);
    expect(() => verifyLink(link(), 'short', before, 'quote')).toThrow(RangeError);
  });
});
