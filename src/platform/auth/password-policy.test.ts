import { describe, expect, it } from 'vitest';
import { COMMON_PASSWORDS } from './common-passwords.js';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, checkPasswordPolicy } from './password-policy.js';

const noContext = {};

describe('checkPasswordPolicy', () => {
  it('accepts a long, uncommon password unrelated to the e-mail', () => {
    expect(checkPasswordPolicy('correct-cheval-agrafe-7', { email: 'alice@example.org' })).toEqual({ ok: true });
  });

  it('accepts a password of exactly the minimum length', () => {
    expect(MIN_PASSWORD_LENGTH).toBe(12);
    expect(checkPasswordPolicy('vgT4-kq9z#Lm', noContext)).toEqual({ ok: true });
  });

  it('rejects a password shorter than 12 characters as TOO_SHORT', () => {
    expect(checkPasswordPolicy('vgT4-kq9z#L', noContext)).toEqual({ ok: false, reasons: ['TOO_SHORT'] });
    expect(checkPasswordPolicy('', noContext)).toEqual({ ok: false, reasons: ['TOO_SHORT'] });
  });

  it('counts Unicode code points, not UTF-16 units, for the minimum length', () => {
    // 11 emoji = 22 UTF-16 units but only 11 characters.
    const elevenEmoji = '🦊🐙🦉🐢🦋🐝🦀🐬🦒🐧🦔';
    expect(elevenEmoji.length).toBe(22);
    expect(checkPasswordPolicy(elevenEmoji, noContext)).toEqual({ ok: false, reasons: ['TOO_SHORT'] });
    expect(checkPasswordPolicy(`${elevenEmoji}🐳`, noContext)).toEqual({ ok: true });
  });

  it('rejects a password longer than 256 characters as TOO_LONG', () => {
    expect(MAX_PASSWORD_LENGTH).toBe(256);
    const ok = 'abcdefghij'.repeat(25) + 'klmnop'; // 256
    expect(checkPasswordPolicy(ok, noContext)).toEqual({ ok: true });
    expect(checkPasswordPolicy(`${ok}q`, noContext)).toEqual({ ok: false, reasons: ['TOO_LONG'] });
  });

  it('counts Unicode code points for the maximum length too', () => {
    const emoji256 = '🦊'.repeat(256);
    expect(checkPasswordPolicy(emoji256, noContext)).toEqual({ ok: true });
    expect(checkPasswordPolicy(`${emoji256}🦊`, noContext)).toEqual({ ok: false, reasons: ['TOO_LONG'] });
  });

  it('rejects the e-mail address itself as CONTAINS_EMAIL, case-insensitively', () => {
    expect(checkPasswordPolicy('Jean.Dupont@Example.fr', { email: 'jean.dupont@example.fr' })).toEqual({
      ok: false,
      reasons: ['CONTAINS_EMAIL'],
    });
  });

  it('rejects a password containing the e-mail local part of 4+ characters as CONTAINS_EMAIL', () => {
    expect(checkPasswordPolicy('my-JDUPONT-secret-99', { email: 'jdupont@example.fr' })).toEqual({
      ok: false,
      reasons: ['CONTAINS_EMAIL'],
    });
    expect(checkPasswordPolicy('xx-anna-loves-figs', { email: 'anna@example.fr' })).toEqual({
      ok: false,
      reasons: ['CONTAINS_EMAIL'],
    });
  });

  it('ignores an e-mail local part shorter than 4 characters', () => {
    expect(checkPasswordPolicy('xx-bob-loves-figs', { email: 'bob@example.fr' })).toEqual({ ok: true });
  });

  it('ignores surrounding spaces and case in the e-mail given as context', () => {
    expect(checkPasswordPolicy('my-jdupont-secret-99', { email: '  JDupont@Example.fr ' })).toEqual({
      ok: false,
      reasons: ['CONTAINS_EMAIL'],
    });
  });

  it('does not check the e-mail when none is given', () => {
    expect(checkPasswordPolicy('my-jdupont-secret-99', {})).toEqual({ ok: true });
    expect(checkPasswordPolicy('my-jdupont-secret-99', { email: '' })).toEqual({ ok: true });
  });

  it('does not reject a password for containing the display name (no such rule)', () => {
    expect(checkPasswordPolicy('jean-dupont-figs-42', { displayName: 'Jean Dupont' })).toEqual({ ok: true });
  });

  it('rejects a long password from the common list as COMMON', () => {
    for (const p of ['passwordpassword', 'motdepasse123', 'azertyuiop123', '123456789012', 'qwertyuiopas']) {
      expect(checkPasswordPolicy(p, noContext)).toEqual({ ok: false, reasons: ['COMMON'] });
    }
  });

  it('compares with the common list case-insensitively', () => {
    expect(checkPasswordPolicy('PasswordPassword', noContext)).toEqual({ ok: false, reasons: ['COMMON'] });
    expect(checkPasswordPolicy('MotDePasse123', noContext)).toEqual({ ok: false, reasons: ['COMMON'] });
  });

  it('rejects a common password followed only by digits and symbols as COMMON', () => {
    expect(checkPasswordPolicy('Soleil2024!!!', noContext)).toEqual({ ok: false, reasons: ['COMMON'] });
    expect(checkPasswordPolicy('Marseille13013!', noContext)).toEqual({ ok: false, reasons: ['COMMON'] });
    expect(checkPasswordPolicy('password 123 456', noContext)).toEqual({ ok: false, reasons: ['COMMON'] });
  });

  it('does not strip letters: a common word with a non-common ending is accepted', () => {
    expect(checkPasswordPolicy('soleil-de-minuit-rouge', noContext)).toEqual({ ok: true });
    expect(checkPasswordPolicy('2024!!!soleilxyz', noContext)).toEqual({ ok: true });
  });

  it('does not treat a password made only of symbols and digits as its empty stripped form', () => {
    expect(checkPasswordPolicy('#7&2@9!4%1^8', noContext)).toEqual({ ok: true });
  });

  it('does not list the demo password mutualise-demo as common', () => {
    expect(COMMON_PASSWORDS.has('mutualise-demo')).toBe(false);
    // 14 characters, no e-mail given: every rule passes.
    expect(checkPasswordPolicy('mutualise-demo', noContext)).toEqual({ ok: true });
  });

  it('reports every broken rule at once', () => {
    expect(checkPasswordPolicy('Soleil1', { email: 'soleil@example.fr' })).toEqual({
      ok: false,
      reasons: ['TOO_SHORT', 'CONTAINS_EMAIL', 'COMMON'],
    });
    expect(checkPasswordPolicy('azerty', { email: 'azerty' })).toEqual({
      ok: false,
      reasons: ['TOO_SHORT', 'CONTAINS_EMAIL', 'COMMON'],
    });
  });
});

describe('COMMON_PASSWORDS', () => {
  it('holds at least 300 passwords', () => {
    expect(COMMON_PASSWORDS.size).toBeGreaterThanOrEqual(300);
  });

  it('holds only lowercase, non-empty entries so lookups on lowercase forms work', () => {
    for (const p of COMMON_PASSWORDS) {
      expect(p).not.toBe('');
      expect(p).toBe(p.toLowerCase());
    }
  });

  it('includes the usual international and French favourites', () => {
    for (const p of ['password', '123456', 'qwerty', 'iloveyou', 'azerty', 'motdepasse', 'soleil', 'doudou', 'marseille']) {
      expect(COMMON_PASSWORDS.has(p)).toBe(true);
    }
  });

  it('includes long entries that would pass the length rule alone', () => {
    for (const p of ['passwordpassword', 'motdepasse123', 'azertyuiop123', '123456789012', 'qwertyuiopas']) {
      expect(p.length).toBeGreaterThanOrEqual(MIN_PASSWORD_LENGTH);
      expect(COMMON_PASSWORDS.has(p)).toBe(true);
    }
  });
});
