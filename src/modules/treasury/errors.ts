import { defineErrors } from '../../platform/errors.js';

export const treasuryErrors = defineErrors({
  // The same answer for an activity of another member and one that does not exist: a member learns nothing of the others'.
  ACTIVITY_NOT_FOUND: ['not_found', { fr: 'Activité introuvable.', en: 'Activity not found.' }],
});
