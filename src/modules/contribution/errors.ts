import { defineErrors } from '../../platform/errors.js';

export const contributionErrors = defineErrors({
  ACTIVITY_NOT_FOUND: ['not_found', { fr: 'Activité introuvable.', en: 'Activity not found.' }],
});
