import { defineErrors } from '../../platform/errors.js';

export const bankingErrors = defineErrors({
  STATEMENT_NOT_FOUND: ['not_found', { fr: 'Relevé introuvable.', en: 'Statement not found.' }],
  STATEMENT_FILE_MISSING: ['not_found', { fr: 'Le fichier de ce relevé n’est plus conservé : restaurez le dossier des fichiers depuis une sauvegarde.', en: 'The file of this statement is no longer stored: restore the files folder from a backup.' }],
  STATEMENT_FILE_ALTERED: [
    'conflict',
    {
      fr: 'Le fichier conservé de ce relevé ne correspond plus à son empreinte SHA-256 enregistrée à l’import : il a été modifié ou abîmé. Restaurez-le depuis une sauvegarde.',
      en: 'The stored file of this statement no longer matches the SHA-256 recorded at import: it was changed or damaged. Restore it from a backup.',
    },
  ],
  BANK_LINE_NOT_FOUND: ['not_found', { fr: 'Ligne de relevé introuvable.', en: 'Statement line not found.' }],
  BANK_LINE_ALREADY_MATCHED: ['conflict', { fr: 'Cette ligne de relevé est déjà rapprochée d’un paiement.', en: 'This statement line is already matched to a payment.' }],
  BANK_LINE_IGNORED: ['conflict', { fr: 'Cette ligne de relevé est ignorée : rétablissez-la d’abord.', en: 'This statement line is ignored: restore it first.' }],
  BANK_LINE_NOT_IGNORED: ['conflict', { fr: 'Cette ligne de relevé n’est pas ignorée.', en: 'This statement line is not ignored.' }],
  BANK_LINE_NOT_MATCHED: ['conflict', { fr: 'Cette ligne de relevé n’est pas rapprochée.', en: 'This statement line is not matched.' }],
  BANK_LINE_NOT_CREDIT: ['conflict', { fr: 'Seul un crédit (argent reçu) peut régler des factures.', en: 'Only a credit (money received) can pay invoices.' }],
});
