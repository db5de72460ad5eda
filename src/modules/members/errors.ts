import { defineErrors, type LocalizedText } from '../../platform/errors.js';
import type { TransitionReason } from './domain/lifecycle.js';

export const memberErrors = defineErrors({
  MEMBER_NOT_FOUND: ['not_found', { fr: 'Membre introuvable.', en: 'Member not found.' }],
  DOCUMENT_NOT_FOUND: ['not_found', { fr: 'Document introuvable.', en: 'Document not found.' }],
  MEMBER_EMAIL_TAKEN: ['conflict', { fr: 'Un membre de la coopérative a déjà cette adresse e-mail.', en: 'A member of the cooperative already has this email address.' }],
  MEMBER_USER_TAKEN: ['conflict', { fr: 'Ce compte est déjà rattaché à un membre de la coopérative.', en: 'This account is already linked to a member of the cooperative.' }],
  MEMBER_FIELD_LOCKED: ['forbidden', { fr: "Seule l'équipe de la coopérative peut modifier ces informations.", en: "Only the cooperative's staff may change this information." }],
  TRANSITION_NOT_ALLOWED: ['conflict', { fr: "Ce changement de statut n'est pas possible depuis le statut actuel.", en: 'This status change is not possible from the current status.' }],
});

/** Why the lifecycle refused a move, to show under the field of the form. */
export const transitionReasonText: Record<TransitionReason, LocalizedText> = {
  not_allowed: { fr: "Ce changement de statut n'est pas possible depuis le statut actuel.", en: 'This status change is not possible from the current status.' },
  before_status_since: { fr: 'La date ne peut pas précéder le début du statut actuel.', en: 'The date cannot be before the current status began.' },
  required: { fr: 'Date obligatoire pour ce changement de statut.', en: 'Date required for this status change.' },
  end_before_start: { fr: 'La fin du contrat ne peut pas précéder son début.', en: 'The contract cannot end before it starts.' },
  cape_too_long: { fr: 'Un CAPE dure au plus 36 mois, renouvellements compris.', en: 'A CAPE lasts at most 36 months, renewals included.' },
  leaving_before_notice_period: { fr: 'La date de sortie ne peut pas précéder la fin du préavis.', en: 'The leaving date cannot be before the end of the notice period.' },
  left_before_leaving_date: { fr: 'La sortie ne peut pas précéder la date de sortie prévue.', en: 'The member cannot leave before the planned leaving date.' },
};
