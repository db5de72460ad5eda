import { defineErrors } from '../../platform/errors.js';

export const feesErrors = defineErrors({
  FEE_NOT_FOUND: ['not_found', { fr: 'Cotisation introuvable.', en: 'Fee not found.' }],
  FEE_ALREADY_PAID: ['conflict', { fr: 'Cette cotisation est déjà payée.', en: 'This fee is already paid.' }],
  MANDATE_NOT_FOUND: ['not_found', { fr: 'Mandat introuvable.', en: 'Mandate not found.' }],
  MANDATE_REVOKED: ['conflict', { fr: 'Ce mandat est révoqué.', en: 'This mandate is revoked.' }],
  MANDATE_REFERENCE_TAKEN: ['conflict', { fr: 'Cette référence unique de mandat (RUM) est déjà utilisée.', en: 'This mandate reference (RUM) is already used.' }],
  MANDATE_ALREADY_ACTIVE: ['conflict', { fr: 'Ce membre a déjà un mandat actif : révoquez-le ou modifiez son IBAN.', en: 'This member already has an active mandate: revoke it or amend its IBAN.' }],
  CREDITOR_ID_MISSING: ['unprocessable', { fr: "Renseignez d'abord l'identifiant créancier SEPA (ICS) de la coopérative.", en: "First set the cooperative's SEPA creditor identifier (ICS)." }],
  FEE_NOT_COLLECTABLE: ['conflict', { fr: "Cette cotisation n'est plus à prélever (payée, déjà dans un prélèvement, ou sans mandat actif).", en: 'This fee can no longer be collected (paid, already in a collection, or no active mandate).' }],
  COLLECTION_NOT_FOUND: ['not_found', { fr: 'Prélèvement introuvable.', en: 'Collection not found.' }],
  COLLECTION_ITEM_NOT_PENDING: ['conflict', { fr: 'Ce prélèvement est déjà payé ou rejeté.', en: 'This debit is already paid or returned.' }],
  NOT_A_MEMBER: ['forbidden', { fr: "Votre compte n'est rattaché à aucun membre de la coopérative.", en: 'Your account is linked to no member of the cooperative.' }],
});
