import { COMMON_PASSWORDS } from './common-passwords.js';

/**
 * NIST SP 800-63B favours length over composition rules; 12 characters is the
 * current ANSSI recommendation for passwords protecting ordinary accounts.
 */
export const MIN_PASSWORD_LENGTH = 12;

/**
 * Upper bound so that hashing (argon2) cannot be abused with huge inputs,
 * while still leaving room for long passphrases.
 */
export const MAX_PASSWORD_LENGTH = 256;

/** Shortest e-mail local part worth matching: "jo" inside a password is noise. */
const MIN_EMAIL_LOCAL_PART_LENGTH = 4;

export type PasswordRejection = 'TOO_SHORT' | 'TOO_LONG' | 'CONTAINS_EMAIL' | 'COMMON';

export interface PasswordContext {
  email?: string;
  /**
   * Accepted so callers can pass the whole user profile; not used by any rule
   * yet (there is no rejection code for it).
   */
  displayName?: string;
}

export type PasswordPolicyResult = { ok: true } | { ok: false; reasons: PasswordRejection[] };

/**
 * Checks a candidate password against the policy and returns every broken
 * rule (not only the first) so the UI can explain them all at once.
 *
 * Lengths are counted in Unicode code points, not UTF-16 units, so that an
 * emoji or an astral character counts as one character, as users see it.
 */
export function checkPasswordPolicy(password: string, context: PasswordContext): PasswordPolicyResult {
  const reasons: PasswordRejection[] = [];
  const length = codePointLength(password);
  if (length < MIN_PASSWORD_LENGTH) reasons.push('TOO_SHORT');
  if (length > MAX_PASSWORD_LENGTH) reasons.push('TOO_LONG');
  if (containsEmail(password, context.email)) reasons.push('CONTAINS_EMAIL');
  if (isCommon(password)) reasons.push('COMMON');
  return reasons.length === 0 ? { ok: true } : { ok: false, reasons };
}

function codePointLength(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/**
 * The account's own e-mail is the first thing an attacker tries: reject the
 * full address, and any password containing its local part when that part is
 * long enough to be meaningful. Case-insensitive.
 */
function containsEmail(password: string, email: string | undefined): boolean {
  const normalizedEmail = email?.trim().toLowerCase() ?? '';
  if (normalizedEmail === '') return false;
  const lower = password.toLowerCase();
  if (lower === normalizedEmail) return true;
  const at = normalizedEmail.lastIndexOf('@');
  const localPart = at >= 0 ? normalizedEmail.slice(0, at) : normalizedEmail;
  return codePointLength(localPart) >= MIN_EMAIL_LOCAL_PART_LENGTH && lower.includes(localPart);
}

/**
 * A password is common when its lowercase form is in the list, or when it is
 * a listed password followed only by digits and symbols ("Soleil2024!"),
 * the most frequent way people "strengthen" a dictionary password.
 */
function isCommon(password: string): boolean {
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower)) return true;
  const stripped = lower.replace(/[^\p{L}]+$/u, '');
  return stripped !== '' && stripped !== lower && COMMON_PASSWORDS.has(stripped);
}
