import { defineErrors } from '../errors.js';

export const authErrors = defineErrors({
  INVALID_CREDENTIALS: ['unauthenticated', { fr: 'Adresse e-mail ou mot de passe incorrect.', en: 'Wrong email or password.' }],
  TOO_MANY_ATTEMPTS: [
    'rate_limited',
    { fr: 'Trop de tentatives de connexion. Réessayez dans quelques minutes.', en: 'Too many login attempts. Try again in a few minutes.' },
  ],
  INVALID_TOKEN: ['invalid', { fr: 'Ce lien est invalide ou a expiré.', en: 'This link is invalid or has expired.' }],
  INVITATION_NOT_FOUND: ['not_found', { fr: 'Invitation introuvable ou expirée.', en: 'Invitation not found or expired.' }],
  INVITATION_OF_SHARED_ACCOUNT: [
    'conflict',
    {
      fr: 'Ce compte donne aussi accès à une autre coopérative : choisissez votre mot de passe avec « Mot de passe oublié ? » sur la page de connexion.',
      en: 'This account also opens another cooperative: choose your password with "Forgot password?" on the login page.',
    },
  ],
  WRONG_PASSWORD: ['invalid', { fr: 'Le mot de passe actuel est incorrect.', en: 'The current password is wrong.' }],
  NOT_A_MEMBER_OF_COOP: ['forbidden', { fr: "Vous n'avez aucun rôle dans cette coopérative.", en: 'You hold no role in this cooperative.' }],
  EMAIL_TAKEN: ['conflict', { fr: 'Cette adresse e-mail est déjà utilisée.', en: 'This email address is already used.' }],
});
