import { defineErrors } from '../../platform/errors.js';

// The catalogue photos' codes (kept apart from errors.ts, which the booking operations own).
export const photoErrors = defineErrors({
  PHOTO_NOT_FOUND: ['not_found', { fr: 'Photo introuvable.', en: 'Photo not found.' }],
  PHOTO_NOT_IMAGE: ['invalid', { fr: 'Envoyez une photo JPEG, PNG ou WebP.', en: 'Send a JPEG, PNG or WebP photo.' }],
  TOO_MANY_PHOTOS: ['conflict', { fr: 'Cette ressource a déjà le nombre maximal de photos : supprimez-en une d’abord.', en: 'This resource already has the most photos allowed: delete one first.' }],
});
