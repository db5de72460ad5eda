import { defineErrors } from '../../platform/errors.js';

export const jobErrors = defineErrors({
  JOB_NOT_FOUND: ['not_found', { fr: 'Affaire introuvable.', en: 'Job not found.' }],
  JOB_CLOSED: ['conflict', { fr: 'Cette affaire est close : elle ne reçoit plus de devis ni de factures.', en: 'This job is closed: it takes no more quotes or invoices.' }],
  JOB_EDIT_RESERVED_TO_STAFF: ['forbidden', { fr: "Seule l'équipe de la coopérative modifie ou clôt une affaire.", en: "Only the cooperative's team changes or closes a job." }],
});

/** The field the participants' errors answer on, where the form shows them. */
export const PARTICIPANTS_FIELD = 'participants';
