import { defineErrors } from '../../platform/errors.js';

export const paymentErrors = defineErrors({
  PAYMENT_NOT_FOUND: ['not_found', { fr: 'Paiement introuvable.', en: 'Payment not found.' }],
  PAYMENT_ALREADY_CANCELLED: ['conflict', { fr: 'Ce paiement est déjà annulé.', en: 'This payment is already cancelled.' }],
  PAYMENT_RECONCILED: [
    'conflict',
    {
      fr: 'Ce paiement est rapproché d’une ligne du relevé bancaire : annulez d’abord le rapprochement de cette ligne (page Banque), puis annulez le paiement.',
      en: 'This payment is matched to a bank statement line: undo the match of that line first (Bank page), then cancel the payment.',
    },
  ],
  PAYMENT_IN_REMITTANCE: ['conflict', { fr: 'Ce chèque figure sur un bordereau de remise : annulez d’abord le bordereau.', en: 'This cheque is on a remittance slip: cancel the slip first.' }],
  PAYMENT_NOT_REMITTABLE: ['conflict', { fr: 'Seul un chèque enregistré, non annulé, non remis et non rapproché peut figurer sur un bordereau.', en: 'Only a recorded cheque, not cancelled, not remitted and not reconciled, can go on a slip.' }],
  PAYMENT_AMOUNT_NOT_THE_LINE: ['conflict', { fr: 'Le montant de la ligne du relevé n’est pas celui du paiement.', en: 'The amount of the statement line is not the amount of the payment.' }],
  REMITTANCE_NOT_FOUND: ['not_found', { fr: 'Bordereau de remise introuvable.', en: 'Remittance slip not found.' }],
  REMITTANCE_CREDITED: ['conflict', { fr: 'La banque a déjà crédité ce bordereau : annulez d’abord le rapprochement de sa ligne.', en: 'The bank has already credited this slip: undo the match of its line first.' }],
  REMITTANCE_CANCELLED: ['conflict', { fr: 'Ce bordereau est annulé.', en: 'This slip is cancelled.' }],
  BANK_LINE_ALREADY_BOOKED: ['conflict', { fr: 'Cette ligne de relevé a déjà donné lieu à un paiement.', en: 'This statement line has already been booked as a payment.' }],
});
