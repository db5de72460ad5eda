import { defineErrors } from '../../platform/errors.js';

export const cochallengeErrors = defineErrors({
  COCHALLENGE_NOT_FOUND: ['not_found', { fr: 'Cochallenge introuvable.', en: 'Cochallenge not found.' }],
  COCHALLENGE_NAME_TAKEN: ['conflict', { fr: 'Un cochallenge porte déjà ce nom.', en: 'A cochallenge already has this name.' }],
  COCHALLENGE_FROZEN: ['conflict', { fr: 'Le cochallenge a commencé : son organisation et son plan ne changent plus.', en: 'The cochallenge has started: its setup and plan no longer change.' }],
  COCHALLENGE_NOT_LIVE: ['conflict', { fr: 'Les promesses se notent le jour du cochallenge, une fois lancé.', en: 'Promises are recorded on the day, once the cochallenge is live.' }],
  COCHALLENGE_NOT_PLANNED: ['conflict', { fr: 'Calculez d’abord le plan.', en: 'Compute the plan first.' }],
  COCHALLENGE_BAD_MOVE: ['conflict', { fr: 'Ce changement d’étape n’est pas possible.', en: 'This change of stage is not possible.' }],
  COMPANY_NOT_FOUND: ['not_found', { fr: 'Entreprise introuvable dans ce cochallenge.', en: 'Company not found in this cochallenge.' }],
  COMPANY_NAME_TAKEN: ['conflict', { fr: 'Une entreprise porte déjà ce nom dans ce cochallenge.', en: 'A company already has this name in this cochallenge.' }],
  PARTICIPANT_NOT_FOUND: ['not_found', { fr: 'Ce membre ne participe pas à ce cochallenge.', en: 'This member does not take part in this cochallenge.' }],
  MEETING_NOT_FOUND: ['not_found', { fr: 'Rendez-vous introuvable dans ce cochallenge.', en: 'Meeting not found in this cochallenge.' }],
  NOT_PITCHER_OF_MEETING: ['forbidden', { fr: 'Seul le binôme de ce rendez-vous y note des promesses.', en: 'Only the pair of this meeting records promises at it.' }],
  PROFILE_NOT_PRESENTED: ['invalid', { fr: 'Ce profil n’est pas présenté à ce rendez-vous.', en: 'This profile is not presented at this meeting.' }],
  PROMISE_NOT_FOUND: ['not_found', { fr: 'Promesse introuvable.', en: 'Promise not found.' }],
  PROMISE_KEY_REUSED: ['conflict', { fr: 'Cette clé a déjà servi pour une autre promesse.', en: 'This key was already used for another promise.' }],
  PROMISE_BAD_MOVE: ['conflict', { fr: 'Ce suivi n’est pas possible depuis l’étape actuelle de la promesse.', en: 'This follow-up is not possible from the promise’s current stage.' }],
  PLAN_REFUSED: ['unprocessable', { fr: 'Aucun plan ne respecte les règles avec cette organisation.', en: 'No plan keeps the rules with this setup.' }],
});
