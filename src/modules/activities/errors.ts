import { defineErrors } from '../../platform/errors.js';

export const activityErrors = defineErrors({
  ACTIVITY_NOT_FOUND: ['not_found', { fr: 'Activité introuvable.', en: 'Activity not found.' }],
  ACTIVITY_CODE_TAKEN: ['conflict', { fr: 'Une autre activité porte déjà ce code.', en: 'Another activity already has this code.' }],
  ACTIVITY_STATUS_MOVE_REFUSED: [
    'conflict',
    { fr: "Ce changement de statut n'est pas possible (une activité clôturée le reste).", en: 'This status change is not possible (a closed activity stays closed).' },
  ],
  ACTIVITY_CLOSED: ['conflict', { fr: 'Cette activité est clôturée : ses titulaires ne changent plus.', en: 'This activity is closed: its holders no longer change.' }],
});

export const HOLDERS_FIELD = 'holders';
