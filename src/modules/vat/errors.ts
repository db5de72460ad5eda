import { defineErrors } from '../../platform/errors.js';

export const vatErrors = defineErrors({
  VAT_RETURN_ALREADY_CONFIRMED: ['conflict', { fr: 'La déclaration de cette période est déjà confirmée.', en: 'The return of this period is already confirmed.' }],
  VAT_PERIOD_NOT_OVER: ['conflict', { fr: "La période n'est pas terminée.", en: 'The period is not over yet.' }],
  VAT_RETURN_EMPTY: ['conflict', { fr: "Aucune TVA à liquider sur cette période.", en: 'No VAT to settle for this period.' }],
});
