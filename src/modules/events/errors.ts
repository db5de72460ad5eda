import { defineErrors } from '../../platform/errors.js';

export const eventsErrors = defineErrors({
  EVENT_NOT_FOUND: ['not_found', { fr: 'Évènement introuvable.', en: 'Event not found.' }],
  REGISTRATION_NOT_FOUND: ['not_found', { fr: 'Inscription introuvable.', en: 'Registration not found.' }],
  PROPOSAL_NOT_FOUND: ['not_found', { fr: 'Proposition de thème introuvable.', en: 'Theme proposal not found.' }],
  EVENT_CANCELLED: ['conflict', { fr: 'Cet évènement est annulé.', en: 'This event is cancelled.' }],
  EVENT_DONE: ['conflict', { fr: 'Cet évènement est terminé.', en: 'This event is over.' }],
  REGISTRATION_CLOSED: ['conflict', { fr: 'Les inscriptions sont closes pour cet évènement.', en: 'Registrations are closed for this event.' }],
  EVENT_STARTED: ['conflict', { fr: "L'évènement a commencé : l'inscription ne peut plus être annulée.", en: 'The event has started: the registration can no longer be cancelled.' }],
  ALREADY_REGISTERED: ['conflict', { fr: 'Déjà inscrit à cet évènement.', en: 'Already registered for this event.' }],
  REGISTRATION_CANCELLED: ['conflict', { fr: 'Cette inscription est annulée.', en: 'This registration is cancelled.' }],
  ATTENDANCE_NOT_OPEN: ['conflict', { fr: "Les présences se notent à partir du jour de l'évènement.", en: 'Attendance is taken from the day of the event.' }],
  ATTENDANCE_CLOSED: ['conflict', { fr: 'Les présences de cet évènement sont closes (plus de 7 jours).', en: 'Attendance for this event is closed (over 7 days ago).' }],
  NOT_A_MEMBER: ['forbidden', { fr: "Votre compte n'est rattaché à aucun membre de la coopérative.", en: 'Your account is linked to no member of the cooperative.' }],
  NOT_HOST_OR_STAFF: ['forbidden', { fr: "Seuls l'équipe et l'animateur de l'évènement notent les présences.", en: "Only staff and the event's host take attendance." }],
  NOT_EVENT_MANAGER: ['forbidden', { fr: "Seuls l'équipe et l'animateur de l'évènement le modifient.", en: "Only staff and the event's host change it." }],
  ALREADY_VOTED: ['conflict', { fr: 'Vous avez déjà voté pour ce thème.', en: 'You already voted for this theme.' }],
  CAPACITY_BELOW_CONFIRMED: ['invalid', { fr: 'La capacité ne peut pas descendre sous le nombre de personnes inscrites.', en: 'The capacity cannot go below the number of people registered.' }],
  PROPOSAL_CLOSED: ['conflict', { fr: "Ce thème n'est plus ouvert au vote.", en: 'This theme is no longer open for votes.' }],
});
