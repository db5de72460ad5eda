import { defineErrors } from '../../platform/errors.js';

export const invoiceErrors = defineErrors({
  INVOICE_NOT_FOUND: ['not_found', { fr: 'Facture introuvable.', en: 'Invoice not found.' }],
  INVOICE_ISSUED: ['conflict', { fr: 'Cette facture est émise : elle ne peut plus être modifiée, seulement corrigée par un avoir.', en: 'This invoice is issued: it cannot be changed, only corrected by a credit note.' }],
  INVOICE_NOT_ISSUED: ['conflict', { fr: "Un avoir ne corrige qu'une facture émise.", en: 'A credit note only corrects an issued invoice.' }],
  INVOICE_INCOMPLETE: ['invalid', { fr: 'Mentions obligatoires manquantes : la facture ne peut pas être émise.', en: 'Mandatory mentions are missing: the invoice cannot be issued.' }],
  CREDIT_EXCEEDS_INVOICE: ['conflict', { fr: "L'avoir dépasse ce qui reste à créditer sur la facture.", en: 'The credit note exceeds what remains to be credited on the invoice.' }],
  INVOICE_DRAFT_HAS_NO_FILE: ['conflict', { fr: "Un brouillon n'a ni PDF ni Factur-X : ils sont produits à l'émission de la facture.", en: 'A draft has neither PDF nor Factur-X: they are produced when the invoice is issued.' }],
  VALIDATION_RESERVED_TO_STAFF: ['forbidden', { fr: "L'émission d'une facture est réservée à l'équipe de la coopérative.", en: "Issuing an invoice is reserved to the cooperative's team." }],
  ABOVE_MEMBER_VALIDATION_LIMIT: ['forbidden', { fr: "Cette facture dépasse le montant que vous pouvez émettre vous-même : soumettez-la à l'équipe de la coopérative.", en: "This invoice is above the amount you may issue yourself: submit it to the cooperative's team." }],
  INVOICE_NOT_SENDABLE: ['conflict', { fr: "Un brouillon ne s'envoie pas : validez d'abord la facture.", en: 'A draft cannot be sent: validate the invoice first.' }],
  INVOICE_CLIENT_WITHOUT_EMAIL: ['unprocessable', { fr: "Ce client n'a pas d'adresse e-mail : la facture ne peut pas lui être envoyée.", en: 'This client has no e-mail address: the invoice cannot be sent.' }],
  INVOICE_NOT_SUBMITTED: ['conflict', { fr: "Ce brouillon n'attend pas la validation de l'équipe : il n'y a rien à reprendre.", en: 'This draft is not waiting for validation by the team: there is nothing to take back.' }],
  SEND_BACK_RESERVED_TO_STAFF: ['forbidden', { fr: "Seule l'équipe de la coopérative renvoie une facture à son auteur.", en: "Only the cooperative's team returns an invoice to its author." }],
  INVOICE_ALREADY_SUBMITTED: ['conflict', { fr: "Ce brouillon attend déjà la validation de l'équipe.", en: 'This draft is already waiting for validation by the team.' }],
});

/** The constraint the immutability triggers name (drizzle/0011_invoices_immutable.sql). */
export const ISSUED_IMMUTABLE = 'invoices_issued_immutable';
