import { invalidField, type LocalizedText } from '../errors.js';
import { checkPasswordPolicy, MIN_PASSWORD_LENGTH, type PasswordRejection } from './password-policy.js';

const messages: Record<PasswordRejection, LocalizedText> = {
  TOO_SHORT: {
    fr: `Le mot de passe doit compter au moins ${MIN_PASSWORD_LENGTH} caractères.`,
    en: `The password must be at least ${MIN_PASSWORD_LENGTH} characters long.`,
  },
  TOO_LONG: { fr: 'Le mot de passe est trop long (256 caractères au plus).', en: 'The password is too long (256 characters at most).' },
  CONTAINS_EMAIL: { fr: "Le mot de passe ne doit pas reprendre l'adresse e-mail.", en: 'The password must not contain the email address.' },
  COMMON: { fr: 'Ce mot de passe est trop courant.', en: 'This password is too common.' },
};

/** Throws a 400 on `field` when the password breaks the policy. */
export function assertPasswordPolicy(field: string, password: string, context: { email?: string; displayName?: string }): void {
  const verdict = checkPasswordPolicy(password, context);
  if (!verdict.ok) throw invalidField(field, messages[verdict.reasons[0]]);
}
