import { defineErrors } from '../../platform/errors.js';

export const workclubErrors = defineErrors({
  SEASON_NOT_FOUND: ['not_found', { fr: 'Saison introuvable.', en: 'Season not found.' }],
  GROUP_NOT_FOUND: ['not_found', { fr: 'Groupe introuvable.', en: 'Group not found.' }],
  GOAL_NOT_FOUND: ['not_found', { fr: 'Objectif introuvable.', en: 'Goal not found.' }],
  SESSION_NOT_FOUND: ['not_found', { fr: 'Séance introuvable.', en: 'Session not found.' }],
  GUEST_NOT_FOUND: ['not_found', { fr: 'Participant extérieur introuvable.', en: 'Outside participant not found.' }],
  // A well-signed link whose access staff cut: said plainly, the person knows whom to ask.
  LINK_REVOKED: ['not_found', { fr: 'La coopérative a désactivé ce lien. Si vous participez toujours au workclub, demandez-lui une nouvelle invitation.', en: 'The cooperative has disabled this link. If you still take part in the workclub, ask it for a new invitation.' }],
  LINK_INVALID: ['not_found', { fr: 'Ce lien n’est pas valide ou a expiré. Demandez-en un nouveau à la coopérative.', en: 'This link is invalid or has expired. Ask the cooperative for a new one.' }],
  SEASON_NAME_TAKEN: ['conflict', { fr: 'Une saison porte déjà ce nom.', en: 'A season already has this name.' }],
  APPLICATIONS_CLOSED: ['conflict', { fr: 'Les candidatures de cette saison ne sont pas ouvertes.', en: 'Applications to this season are not open.' }],
  NOT_A_MEMBER: ['forbidden', { fr: "Votre compte n'est rattaché à aucun membre de la coopérative.", en: 'Your account is linked to no member of the cooperative.' }],
  NO_APPLICATION: ['not_found', { fr: 'Vous n’avez pas candidaté à cette saison.', en: 'You have not applied to this season.' }],
  SEASON_NOT_OPEN: ['conflict', { fr: 'Les groupes de cette saison sont déjà constitués.', en: 'The groups of this season are already formed.' }],
  SEASON_NOT_RUNNING: ['conflict', { fr: 'Cette saison ne tourne pas (groupes non constitués ou saison close).', en: 'This season is not running (groups not formed, or season closed).' }],
  GROUP_CLOSED: ['conflict', { fr: 'Ce groupe est clos : son bilan est écrit.', en: 'This group is closed: its review is written.' }],
  NOT_A_PARTICIPANT: ['forbidden', { fr: 'Vous ne faites pas partie de ce groupe.', en: 'You are not part of this group.' }],
  EMAIL_TAKEN: ['conflict', { fr: 'Cette personne est déjà invitée à la saison.', en: 'This person is already invited to the season.' }],
});
