import { defineErrors } from '../../platform/errors.js';

export const quoteErrors = defineErrors({
  QUOTE_NOT_FOUND: ['not_found', { fr: 'Devis introuvable.', en: 'Quote not found.' }],
  QUOTE_NOT_ALLOWED_IN_STATE: ['conflict', { fr: "Cette action n'est pas possible dans l'état actuel du devis.", en: 'This action is not possible in the current state of the quote.' }],
  QUOTE_EXPIRED: ['conflict', { fr: 'Ce devis a dépassé sa date de validité.', en: 'This quote is past its validity date.' }],
  QUOTE_ACTION_FORBIDDEN: ['forbidden', { fr: "Vous n'avez pas accès à cette action sur ce devis.", en: 'You are not allowed to do this on this quote.' }],
  QUOTE_VALIDATION_NOT_REQUIRED: ['conflict', { fr: 'La coopérative ne demande pas de validation des devis : validez-le directement.', en: 'The cooperative does not ask for quote validation: validate it directly.' }],
  QUOTE_SUBMISSION_REQUIRED: ['forbidden', { fr: "La coopérative valide les devis : soumettez-le à l'équipe.", en: "The cooperative validates quotes: submit it to the team." }],
  QUOTE_CLIENT_WITHOUT_EMAIL: ['unprocessable', { fr: "Ce client n'a pas d'adresse e-mail : le devis ne peut pas lui être envoyé.", en: 'This client has no e-mail address: the quote cannot be sent.' }],
  QUOTE_NOT_ACCEPTED: ['conflict', { fr: "Seul un devis accepté peut être facturé.", en: 'Only an accepted quote can be invoiced.' }],
  QUOTE_NOTHING_LEFT: ['conflict', { fr: 'Tout le devis est déjà facturé.', en: 'The whole quote is already invoiced.' }],
  QUOTE_PARTLY_INVOICED: ['conflict', { fr: 'Ce devis est déjà en partie facturé : facturez le solde.', en: 'This quote is already partly invoiced: invoice the balance.' }],
  QUOTE_EMPTY: ['invalid', { fr: 'Un devis sans ligne ne peut pas être validé.', en: 'A quote without lines cannot be validated.' }],
  /** One message whatever is wrong with a portal link, so a probe learns nothing. */
  PORTAL_LINK_INVALID: ['not_found', { fr: "Ce lien n'est pas valide ou a expiré.", en: 'This link is not valid or has expired.' }],
});
