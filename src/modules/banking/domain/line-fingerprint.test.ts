import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fingerprintLines, lineFingerprint, lineIdentity } from './line-fingerprint.js';
import { parseCamt053 } from './parse-camt053.js';

const IBAN = 'FR7642559100000812345678921';
const fee = { bookingDate: '2026-11-20', valueDate: '2026-11-20', amountCents: -150, currency: 'EUR', bankRef: null, remittance: '', label: 'FRAIS' };

describe('one identity per bank statement line', () => {
  it('gives the same fingerprints when the same statement is imported again', () => {
    const xml = readFileSync(new URL('./fixtures/camt053-v02-credit-cooperatif.xml', import.meta.url), 'utf8');
    const once = parseCamt053(xml);
    const twice = parseCamt053(xml);
    if (!once.ok || !twice.ok) throw new Error('fixture unreadable');
    const first = fingerprintLines(once.value.statements[0]!.entries, IBAN);
    expect(fingerprintLines(twice.value.statements[0]!.entries, IBAN)).toEqual(first);
    expect(new Set(first).size).toBe(first.length);
    expect(first[0]).toMatch(/^[0-9a-f]{64}$/);
  });

  it('tells apart two identical genuine lines of the same day by their rank', () => {
    const [a, b] = fingerprintLines([fee, fee], IBAN);
    expect(a).not.toBe(b);
    expect(a).toBe(lineFingerprint(fee, IBAN, 0));
    expect(b).toBe(lineFingerprint(fee, IBAN, 1));
  });

  it('ignores how the bank wrapped the remittance text, and the spacing of the IBAN', () => {
    const wrapped = { ...fee, remittance: 'Facture  F2026-00042\n du 15/10' };
    const flat = { ...fee, remittance: 'FACTURE F2026-00042 DU 15/10' };
    expect(lineFingerprint(wrapped, 'FR76 4255 9100 0008 1234 5678 921')).toBe(lineFingerprint(flat, IBAN));
  });

  it('changes with the account, the day, the amount or the bank reference', () => {
    const base = lineFingerprint(fee, IBAN);
    expect(lineFingerprint(fee, 'FR7630004000031234567890143')).not.toBe(base);
    expect(lineFingerprint({ ...fee, bookingDate: '2026-11-21' }, IBAN)).not.toBe(base);
    expect(lineFingerprint({ ...fee, amountCents: 150 }, IBAN)).not.toBe(base);
    expect(lineFingerprint({ ...fee, bankRef: 'X1' }, IBAN)).not.toBe(base);
  });

  it('hashes a readable canonical text', () => {
    expect(lineIdentity(fee, IBAN)).toBe(`v1|${IBAN}|2026-11-20|2026-11-20|-150|EUR||||FRAIS|0`);
  });
});
