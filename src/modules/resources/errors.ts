import { AppError, defineErrors, type LocalizedText } from '../../platform/errors.js';
import type { Refusal } from './domain/evaluate-booking-rules.js';

export const resourcesErrors = defineErrors({
  SITE_NOT_FOUND: ['not_found', { fr: 'Lieu introuvable.', en: 'Site not found.' }],
  RESOURCE_NOT_FOUND: ['not_found', { fr: 'Ressource introuvable.', en: 'Resource not found.' }],
  RESOURCE_INACTIVE: ['unprocessable', { fr: "Cette ressource n'est plus réservable.", en: 'This resource can no longer be booked.' }],
  BOOKING_NOT_FOUND: ['not_found', { fr: 'Réservation introuvable.', en: 'Booking not found.' }],
  UNAVAILABILITY_NOT_FOUND: ['not_found', { fr: 'Indisponibilité introuvable.', en: 'Unavailability not found.' }],
  NAME_TAKEN: ['conflict', { fr: 'Ce nom est déjà pris.', en: 'This name is already taken.' }],
  NOT_A_MEMBER: ['forbidden', { fr: "Votre compte n'est rattaché à aucun membre de la coopérative.", en: 'Your account is linked to no member of the cooperative.' }],
  ACTIVITY_NOT_YOURS: ['forbidden', { fr: "Cette activité n'est pas la vôtre : réservez sur l'une de vos activités.", en: 'This activity is not yours: book on one of your activities.' }],
  ACTIVITY_NOT_OF_MEMBER: ['unprocessable', { fr: "Cette activité n'appartient pas à ce membre.", en: 'This activity does not belong to this member.' }],
  STAFF_ONLY_BOOKER: ['forbidden', { fr: "Seule l'équipe réserve pour un autre membre ou un client.", en: 'Only the team books for another member or a client.' }],
  BOOKER_REQUIRED: ['invalid', { fr: 'Choisissez un membre et son activité, ou un client.', en: 'Choose a member and their activity, or a client.' }],
  CLIENT_NOT_FOUND: ['not_found', { fr: 'Client introuvable.', en: 'Client not found.' }],
  IN_THE_PAST: ['unprocessable', { fr: 'Ce créneau est déjà passé.', en: 'This slot is in the past.' }],
  BOOKING_NOT_CANCELLABLE: ['conflict', { fr: 'Cette réservation est déjà annulée ou terminée.', en: 'This booking is already cancelled or over.' }],
  SERIES_HAS_CONFLICTS: ['conflict', { fr: 'Certaines dates sont prises ou refusées : rien n’a été réservé.', en: 'Some dates are taken or refused: nothing was booked.' }],
});

const REFUSAL_TEXT: Record<Refusal['code'], (r: Refusal) => LocalizedText> = {
  NOT_ALLOWED_TO_BOOK: () => ({ fr: "Votre formule ou votre type d'adhésion ne permet pas de réserver cette ressource.", en: 'Your plan or membership type does not allow booking this resource.' }),
  BEYOND_HORIZON: (r) => {
    const d = 'horizonDays' in r ? r.horizonDays : 0;
    return { fr: `Réservation possible ${d} jours à l'avance au plus.`, en: `Bookings open ${d} days ahead at most.` };
  },
  TOO_SHORT: (r) => {
    const m = 'minMinutes' in r ? r.minMinutes : 0;
    return { fr: `Durée trop courte : ${m} minutes au moins.`, en: `Too short: ${m} minutes at least.` };
  },
  TOO_LONG: (r) => {
    const m = 'maxMinutes' in r ? r.maxMinutes : 0;
    return { fr: `Durée trop longue : ${m} minutes au plus.`, en: `Too long: ${m} minutes at most.` };
  },
  OUTSIDE_OPENING_HOURS: () => ({ fr: "En dehors des horaires d'ouverture du lieu.", en: "Outside the site's opening hours." }),
  TOO_LATE_TO_BOOK: (r) => {
    const m = 'lateBookingMinutes' in r ? r.lateBookingMinutes : 0;
    return { fr: `Trop tard : réservez au moins ${m} minutes avant le début.`, en: `Too late: book at least ${m} minutes before the start.` };
  },
  TOO_MANY_BOOKINGS: (r) => {
    const n = 'maxConcurrent' in r ? r.maxConcurrent : 0;
    return { fr: `Vous avez déjà ${n} réservation(s) à venir de ce type, le maximum.`, en: `You already hold ${n} upcoming booking(s) of this kind, the maximum.` };
  },
};

export const refusalText = (r: Refusal): LocalizedText => REFUSAL_TEXT[r.code](r);

/** A booking rule refused the booking: 422 naming the field and the rule's reason. */
export function refusedByRule(r: Refusal): AppError {
  const text = refusalText(r);
  return new AppError(r.code, 'unprocessable', text, [{ path: r.field, message: text }]);
}

/** The slot is held by another booking (the exclusion constraint said so): 409 naming the slot. */
export function slotTaken(slot: string): AppError {
  const text = { fr: `Créneau déjà réservé : ${slot}.`, en: `Slot already booked: ${slot}.` };
  return new AppError('SLOT_TAKEN', 'conflict', text, [{ path: 'startsAt', message: text }]);
}

/** The resource is out of service over the slot (maintenance): 409 with the reason. */
export function resourceUnavailable(reason: string, slot: string): AppError {
  const text = { fr: `Ressource indisponible (${reason}) : ${slot}.`, en: `Resource unavailable (${reason}): ${slot}.` };
  return new AppError('RESOURCE_UNAVAILABLE', 'conflict', text, [{ path: 'startsAt', message: text }]);
}
