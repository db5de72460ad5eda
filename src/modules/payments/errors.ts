import { defineErrors } from '../../platform/errors.js';

export const paymentErrors = defineErrors({
  PAYMENT_NOT_FOUND: ['not_found', { fr: 'Paiement introuvable.', en: 'Payment not found.' }],
  BANK_LINE_ALREADY_BOOKED: ['conflict', { fr: 'Cette ligne de relevé a déjà donné lieu à un paiement.', en: 'This statement line has already been booked as a payment.' }],
});
