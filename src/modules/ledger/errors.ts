import { defineErrors } from '../../platform/errors.js';

export const ledgerErrors = defineErrors({
  ACCOUNT_NOT_FOUND: ['not_found', { fr: 'Compte introuvable.', en: 'Account not found.' }],
  ACCOUNT_NUMBER_TAKEN: ['conflict', { fr: 'Ce numéro de compte existe déjà.', en: 'This account number already exists.' }],
  ENTRY_NOT_FOUND: ['not_found', { fr: 'Écriture introuvable.', en: 'Journal entry not found.' }],
  ENTRY_ALREADY_REVERSED: ['conflict', { fr: 'Cette écriture a déjà été contre-passée.', en: 'This entry has already been reversed.' }],
  FISCAL_YEAR_NOT_FOUND: ['not_found', { fr: 'Exercice introuvable.', en: 'Fiscal year not found.' }],
  FISCAL_YEAR_CLOSED: ['conflict', { fr: "L'exercice de cette date est clôturé : aucune écriture n'y entre plus.", en: 'The fiscal year of this date is closed: it takes no more entries.' }],
  FISCAL_YEAR_OVERLAP: ['conflict', { fr: 'Cet exercice chevauche un exercice existant.', en: 'This fiscal year overlaps an existing one.' }],
  FISCAL_YEAR_NOT_CLOSABLE: ['conflict', { fr: 'Cet exercice ne peut pas être clôturé.', en: 'This fiscal year cannot be closed.' }],
  ACTIVITY_NOT_FOUND: ['not_found', { fr: 'Activité introuvable.', en: 'Activity not found.' }],
});
