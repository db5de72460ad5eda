import { defineErrors } from '../../platform/errors.js';

export const expensesErrors = defineErrors({
  SPENDING_CATEGORY_NOT_FOUND: ['not_found', { fr: 'Catégorie de dépense introuvable.', en: 'Spending category not found.' }],
  SPENDING_CATEGORY_DUPLICATE: ['conflict', { fr: 'Une catégorie porte déjà ce code.', en: 'A category already has this code.' }],
  EXPENSE_REPORT_NOT_FOUND: ['not_found', { fr: 'Note de frais introuvable.', en: 'Expense report not found.' }],
  EXPENSE_REPORT_WRONG_STATUS: ['conflict', { fr: "Cette note de frais n'est pas au statut qui permet cette action.", en: 'This expense report is not in the status this action requires.' }],
  EXPENSE_LINE_NOT_FOUND: ['not_found', { fr: 'Ligne de note de frais introuvable.', en: 'Expense line not found.' }],
  EXPENSE_RECEIPT_NOT_FOUND: ['not_found', { fr: "Cette ligne n'a pas de justificatif.", en: 'This line has no receipt.' }],
  EXPENSE_REPORT_EMPTY: ['unprocessable', { fr: 'Une note de frais sans ligne ne peut pas être soumise.', en: 'An expense report without lines cannot be submitted.' }],
  EXPENSE_ADVANCE_NOT_FOUND: ['not_found', { fr: 'Avance sur frais introuvable.', en: 'Expense advance not found.' }],
  NOT_PAYABLE: ['conflict', { fr: "Cette note de frais n'est plus à payer (déjà payée ou montant différent).", en: 'This expense report is no longer payable (paid already, or another amount).' }],
  NO_MILEAGE_SCALE: ['invalid', { fr: "Aucun barème kilométrique n'est connu pour cette année.", en: 'No mileage scale is known for this year.' }],
  NOT_A_MEMBER: ['forbidden', { fr: "Votre compte n'est rattaché à aucun membre de la coopérative.", en: 'Your account is linked to no member of the cooperative.' }],
});
