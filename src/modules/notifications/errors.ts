import { defineErrors } from '../../platform/errors.js';

export const notificationErrors = defineErrors({
  // Another person's notification answers as if it did not exist: its id tells nothing.
  NOTIFICATION_NOT_FOUND: ['not_found', { fr: 'Notification introuvable.', en: 'Notification not found.' }],
});
