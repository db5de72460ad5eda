import { defineErrors } from '../../platform/errors.js';

export const independentsErrors = defineErrors({
  MEMBER_INVOICE_NOT_FOUND: ['not_found', { fr: 'Facture de membre introuvable.', en: 'Member invoice not found.' }],
  MEMBER_INVOICE_DUPLICATE: ['conflict', { fr: 'Cette facture (même membre, même numéro) est déjà enregistrée.', en: 'This invoice (same member, same number) is already recorded.' }],
  MEMBER_INVOICE_WRONG_STATUS: ['conflict', { fr: "Cette facture n'est pas au statut qui permet cette action.", en: 'This invoice is not in the status this action requires.' }],
  MEMBER_INVOICE_NO_FILE: ['not_found', { fr: "Cette facture n'a pas de fichier.", en: 'This invoice has no file.' }],
  MEMBER_NOT_FOUND: ['not_found', { fr: 'Membre introuvable.', en: 'Member not found.' }],
  NOT_A_MEMBER: ['forbidden', { fr: "Votre compte n'est rattaché à aucun membre de la coopérative.", en: 'Your account is linked to no member of the cooperative.' }],
});
