import { defineErrors } from '../../platform/errors.js';
import type { AdvanceRefusal } from './domain/may-advance.js';

export const advanceErrors = defineErrors({
  ADVANCE_NOT_FOUND: ['not_found', { fr: 'Préfinancement introuvable.', en: 'Advance not found.' }],
  LOAN_NOT_FOUND: ['not_found', { fr: 'Prêt introuvable.', en: 'Loan not found.' }],
  ADVANCE_NOT_REQUESTED: ['conflict', { fr: "Ce préfinancement n'est plus en attente de décision.", en: 'This advance is no longer awaiting a decision.' }],
  ADVANCE_NOT_OUTSTANDING: ['conflict', { fr: "Ce préfinancement n'a plus rien d'impayé à passer en perte.", en: 'This advance has nothing left unpaid to write off.' }],
  WRITE_OFF_TOO_EARLY: ['conflict', { fr: "La facture n'est pas encore assez en retard pour passer le préfinancement en perte (voir les règles du fonds).", en: 'The invoice is not yet overdue long enough to write the advance off (see the fund rules).' }],
  DOCUMENT_NOT_ELIGIBLE: ['conflict', { fr: 'Seule une facture émise et non soldée, ou un devis accepté, peut être préfinancé.', en: 'Only an issued invoice not yet paid, or an accepted quote, can be advanced.' }],
  QUOTE_NOT_ACCEPTED_ONLINE: ['conflict', { fr: 'Le fonds ne préfinance que les devis acceptés en ligne par le client.', en: 'The fund only advances quotes the client accepted online.' }],
  ALREADY_ADVANCED: ['conflict', { fr: 'Ce document (ou le devis dont il vient, ou une de ses factures) a déjà un préfinancement en cours.', en: 'This document (or the quote it comes from, or one of its invoices) already has an open advance.' }],
  ABOVE_INVOICE_SHARE: ['conflict', { fr: 'Le montant dépasse la part de la facture que le fonds peut préfinancer.', en: 'The amount exceeds the share of the invoice the fund may advance.' }],
  ABOVE_MEMBER_CEILING: ['conflict', { fr: 'Le montant dépasse votre plafond de préfinancement.', en: 'The amount exceeds your advance ceiling.' }],
  FUND_INSUFFICIENT: ['conflict', { fr: 'Le fonds de garantie ne peut pas avancer ce montant aujourd’hui.', en: 'The guarantee fund cannot advance this amount today.' }],
  NO_MEMBER_FOR_ADVANCE: ['conflict', { fr: "Aucun membre titulaire de l'activité ne peut porter ce préfinancement.", en: 'No member holding the activity can carry this advance.' }],
});

/** The refusal of the pure rule as the API's error, with the limit it hit on the amount field. */
export const refusalError = (reason: AdvanceRefusal, limitCents?: number) => {
  const fields = limitCents === undefined ? undefined : [{ path: 'amountCents', message: `max ${limitCents}` }];
  const code = ({
    document_not_eligible: 'DOCUMENT_NOT_ELIGIBLE',
    quote_not_accepted_online: 'QUOTE_NOT_ACCEPTED_ONLINE',
    already_advanced: 'ALREADY_ADVANCED',
    above_invoice_share: 'ABOVE_INVOICE_SHARE',
    above_member_ceiling: 'ABOVE_MEMBER_CEILING',
    fund_insufficient: 'FUND_INSUFFICIENT',
  } as const)[reason];
  return advanceErrors[code](fields);
};
