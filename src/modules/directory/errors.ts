import { defineErrors } from '../../platform/errors.js';

export const directoryErrors = defineErrors({
  PROFILE_NOT_FOUND: ['not_found', { fr: "Ce profil n'est pas dans l'annuaire.", en: 'This profile is not in the directory.' }],
  DIRECTORY_NOT_FOUND: ['not_found', { fr: 'Annuaire introuvable.', en: 'Directory not found.' }],
  NOT_A_MEMBER: ['forbidden', { fr: "Votre compte n'est rattaché à aucun membre de la coopérative.", en: 'Your account is linked to no member of the cooperative.' }],
  FILE_NOT_FOUND: ['not_found', { fr: 'Fichier introuvable.', en: 'File not found.' }],
  NOT_YOUR_PROFILE: ['forbidden', { fr: "Vous ne pouvez modifier que votre propre profil.", en: 'You may only change your own profile.' }],
  SKILL_NOT_FOUND: ['not_found', { fr: 'Compétence introuvable.', en: 'Skill not found.' }],
  SKILL_EXISTS: ['conflict', { fr: 'Cette compétence est déjà dans le vocabulaire.', en: 'This skill is already in the vocabulary.' }],
  SLUG_TAKEN: ['conflict', { fr: 'Cette adresse est déjà prise par une autre coopérative.', en: 'This address is already taken by another cooperative.' }],
});
