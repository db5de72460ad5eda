import { defineErrors } from '../../platform/errors.js';

export const peopleErrors = defineErrors({
  PERSON_NOT_FOUND: ['not_found', { fr: 'Personne introuvable dans cette coopérative.', en: 'Person not found in this cooperative.' }],
  PERSON_ALREADY_IN_COOP: ['conflict', { fr: 'Cette personne a déjà accès à la coopérative.', en: 'This person already has access to the cooperative.' }],
  INVITATION_ALREADY_ACCEPTED: ['conflict', { fr: 'Cette personne a déjà accepté son invitation.', en: 'This person has already accepted their invitation.' }],
  INVITATION_RACE: ['conflict', { fr: "Une autre invitation pour cette adresse vient d'être enregistrée. Actualisez la liste.", en: 'Another invitation for this address was just recorded. Refresh the list.' }],
  LAST_ADMIN: ['conflict', { fr: 'La coopérative doit garder au moins un administrateur ou une administratrice.', en: 'The cooperative must keep at least one admin.' }],
  OWN_ADMIN_ROLE: ['conflict', { fr: "Vous ne pouvez pas retirer votre propre rôle d'administration.", en: 'You cannot remove your own admin role.' }],
});
