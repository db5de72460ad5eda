import { defineErrors } from '../../platform/errors.js';

export const purchasesErrors = defineErrors({
  SUPPLIER_NOT_FOUND: ['not_found', { fr: 'Fournisseur introuvable.', en: 'Supplier not found.' }],
  SUPPLIER_DUPLICATE: ['conflict', { fr: 'Un fournisseur a déjà ce SIREN ou ce numéro de TVA.', en: 'A supplier already has this SIREN or VAT number.' }],
  SUPPLIER_INVOICE_NOT_FOUND: ['not_found', { fr: 'Facture fournisseur introuvable.', en: 'Supplier invoice not found.' }],
  SUPPLIER_INVOICE_WRONG_STATUS: ['conflict', { fr: "Cette facture n'est pas au statut qui permet cette action.", en: 'This invoice is not in the status this action requires.' }],
  SUPPLIER_INVOICE_NOT_PAYABLE: ['conflict', { fr: "Cette facture n'est plus à payer.", en: 'This invoice is no longer payable.' }],
  SUPPLIER_INVOICE_NO_FILE: ['not_found', { fr: "Cette facture n'a pas de fichier.", en: 'This invoice has no file.' }],
  API_TOKEN_NOT_FOUND: ['not_found', { fr: 'Jeton introuvable.', en: 'Token not found.' }],
  API_TOKEN_INVALID: ['unauthenticated', { fr: 'Jeton d’API absent, invalide ou révoqué.', en: 'Missing, invalid or revoked API token.' }],
});
