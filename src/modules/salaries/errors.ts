import { defineErrors } from '../../platform/errors.js';

export const salaryErrors = defineErrors({
  SALARY_REQUEST_NOT_FOUND: ['not_found', { fr: 'Demande de salaire introuvable.', en: 'Salary request not found.' }],
  SALARY_ACTIVITY_NOT_FOUND: ['not_found', { fr: 'Activité introuvable.', en: 'Activity not found.' }],
  SALARY_NOT_HOLDER: ['forbidden', { fr: 'Seul un titulaire de l’activité peut y demander un salaire.', en: 'Only a holder of the activity may ask a salary on it.' }],
  SALARY_ALREADY_REQUESTED: [
    'conflict',
    { fr: 'Un salaire est déjà demandé ou validé pour ce mois sur cette activité : annulez-le avant d’en demander un autre.', en: 'A salary is already asked or validated for this month on this activity: cancel it before asking another.' },
  ],
  SALARY_OVER_TREASURY: [
    'conflict',
    { fr: 'Le coût employeur de ce salaire dépasse la trésorerie disponible de l’activité.', en: 'The employer cost of this salary is more than the activity’s available treasury.' },
  ],
  SALARY_NOT_PENDING: ['conflict', { fr: 'Cette demande n’attend plus de décision : elle a déjà été validée, refusée ou annulée.', en: 'This request no longer awaits a decision: it was already validated, refused or cancelled.' }],
  SALARY_ALREADY_PAID: ['conflict', { fr: 'Ce salaire net est déjà versé au salarié : il ne peut plus être annulé ni payé à nouveau.', en: 'This net salary was already paid to the employee: it can no longer be cancelled or paid again.' }],
  SALARY_NOT_PAYABLE: ['conflict', { fr: 'Ce salaire n’est pas à payer (non validé, déjà payé, ou d’un autre montant).', en: 'This salary is not to be paid (not validated, already paid, or another amount).' }],
  SALARY_NOT_CANCELLABLE: ['conflict', { fr: 'Cette demande est déjà refusée ou annulée.', en: 'This request is already refused or cancelled.' }],
  SALARY_CANCEL_VALIDATED_STAFF_ONLY: [
    'forbidden',
    { fr: 'Un salaire validé ne peut être annulé que par l’équipe de la coopérative (par une écriture de contre-passation).', en: 'A validated salary can only be cancelled by the coop’s team (by a reversing entry).' },
  ],
});
