import { defineErrors } from '../../platform/errors.js';

export const dunningErrors = defineErrors({
  RECOVERY_CASE_NOT_FOUND: ['not_found', { fr: "Cette facture n'est pas en recouvrement.", en: 'This invoice is not in recovery.' }],
  LETTER_NOT_FOUND: ['not_found', { fr: 'Courrier de mise en demeure introuvable.', en: 'Formal notice letter not found.' }],
  DUNNING_EVENT_NOT_FOUND: ['not_found', { fr: 'Étape de relance introuvable.', en: 'Dunning step not found.' }],
  NOTICE_NOT_PENDING: ['conflict', { fr: "Cette mise en demeure n'attend plus de confirmation : elle a déjà été confirmée ou annulée.", en: 'This formal notice is no longer waiting for confirmation: it was already confirmed or cancelled.' }],
  NOTICE_INVOICE_SETTLED: ['conflict', { fr: 'Cette facture est réglée depuis : annulez la mise en demeure au lieu de la confirmer.', en: 'This invoice has been settled since: cancel the formal notice instead of confirming it.' }],
  DUNNING_PAUSE_NOT_FOUND: ['not_found', { fr: 'Pause de relance introuvable.', en: 'Dunning pause not found.' }],
  DUNNING_PAUSE_OVER: ['conflict', { fr: 'Cette pause est déjà terminée.', en: 'This pause is already over.' }],
  DUNNING_TARGET_NOT_FOUND: ['not_found', { fr: 'Facture ou client introuvable.', en: 'Invoice or client not found.' }],
});
