import { defineErrors } from '../../platform/errors.js';

export const dunningErrors = defineErrors({
  RECOVERY_CASE_NOT_FOUND: ['not_found', { fr: "Cette facture n'est pas en recouvrement.", en: 'This invoice is not in recovery.' }],
  LETTER_NOT_FOUND: ['not_found', { fr: 'Courrier de mise en demeure introuvable.', en: 'Formal notice letter not found.' }],
});
