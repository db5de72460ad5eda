import { defineErrors } from '../../platform/errors.js';

/** Errors of the operations side of resources: feeds, check-ins, handovers, waiting list. */
export const opsErrors = defineErrors({
  FEED_NOT_FOUND: ['not_found', { fr: 'Flux de calendrier introuvable ou révoqué.', en: 'Calendar feed not found or revoked.' }],
  RESOURCE_NOT_FOUND: ['not_found', { fr: 'Ressource introuvable.', en: 'Resource not found.' }],
  BOOKING_NOT_FOUND: ['not_found', { fr: 'Réservation introuvable.', en: 'Booking not found.' }],
  NOT_A_MEMBER: ['forbidden', { fr: "Votre compte n'est rattaché à aucun membre de la coopérative.", en: 'Your account is linked to no member of the cooperative.' }],
  NOT_CHECK_IN_KIND: ['unprocessable', { fr: "On ne pointe son arrivée que sur un poste de travail.", en: 'Only desks take a check-in.' }],
  NOT_HANDOVER_KIND: ['unprocessable', { fr: 'Seuls les véhicules et le matériel se remettent et se rendent.', en: 'Only vans and equipment are checked out and in.' }],
  BOOKING_NOT_LIVE: ['conflict', { fr: "Cette réservation est annulée ou déjà close.", en: 'This booking is cancelled or already closed.' }],
  CHECK_IN_NOT_TODAY: ['unprocessable', { fr: "On pointe son arrivée le jour de la réservation, pendant celle-ci.", en: 'Check in on the day of the booking, while it runs.' }],
  ALREADY_CHECKED_IN: ['conflict', { fr: 'Arrivée déjà enregistrée.', en: 'Already checked in.' }],
  DESK_TAKEN: ['conflict', { fr: "Ce poste n'est plus libre : choisissez-en un autre.", en: 'This desk is no longer free: pick another one.' }],
  HANDOVER_ALREADY_OUT: ['conflict', { fr: 'Le départ a déjà été enregistré.', en: 'Already checked out.' }],
  HANDOVER_NOT_OUT: ['conflict', { fr: "Enregistrez d'abord le départ.", en: 'Check it out first.' }],
  HANDOVER_ALREADY_IN: ['conflict', { fr: 'Le retour a déjà été enregistré.', en: 'Already checked in.' }],
  WAITLIST_SLOT_FREE: ['invalid', { fr: 'Ce créneau est libre : réservez-le directement.', en: 'This slot is free: book it directly.' }],
  WAITLIST_ALREADY: ['conflict', { fr: "Vous êtes déjà sur la liste d'attente de ce créneau.", en: 'You are already waiting for this slot.' }],
  WAITLIST_NOT_FOUND: ['not_found', { fr: "Inscription sur liste d'attente introuvable.", en: 'Waiting-list entry not found.' }],
  WAITLIST_NOT_WAITING: ['conflict', { fr: "Vous n'attendez plus ce créneau (déjà libéré ou quitté).", en: 'You no longer wait for this slot (already freed or left).' }],
  PHOTO_NOT_IMAGE: ['invalid', { fr: 'Envoyez une photo (JPEG, PNG, WebP ou HEIC).', en: 'Send a photo (JPEG, PNG, WebP or HEIC).' }],
});
