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
  BANK_LINE_NOT_DEBIT: ['conflict', { fr: 'Seul un débit (argent sorti) se comptabilise sur un compte de charge ou de tiers d’ici.', en: 'Only a debit (money out) is booked to a charge or third-party account here.' }],
  BANK_LINE_ALREADY_BOOKED: ['conflict', { fr: 'Cette ligne de relevé est déjà comptabilisée.', en: 'This statement line is already booked.' }],
  BANK_LINE_BOOKED_BY_MODULE: [
    'conflict',
    {
      fr: 'Cette ligne a été comptabilisée par les virements sortants (paiement d’un lot) : elle s’annule par un retour de la banque, pas d’ici.',
      en: 'This line was booked by the outgoing transfers (a batch paid): it is undone by a return from the bank, not here.',
    },
  ],
  BANK_LINE_NOT_BOOKED: ['conflict', { fr: 'Cette ligne de relevé n’est pas comptabilisée.', en: 'This statement line is not booked.' }],
  BANK_LINE_FOREIGN_CURRENCY: [
    'unprocessable',
    {
      fr: 'Cette ligne est dans une autre devise que l’euro : elle ne peut pas être comptabilisée en euros. Demandez à la banque le montant converti ou passez l’écriture avec l’expert-comptable.',
      en: 'This line is in a currency other than the euro: it cannot be booked as euros. Ask the bank for the converted amount or post the entry with the accountant.',
    },
  ],
  BANK_ACCOUNT_NOT_FOUND: ['not_found', { fr: 'Compte bancaire introuvable.', en: 'Bank account not found.' }],
  BANK_ACCOUNT_IBAN_TAKEN: ['conflict', { fr: 'La coopérative a déjà un compte bancaire avec cet IBAN ou cet identifiant.', en: 'The cooperative already has a bank account with this IBAN or identifier.' }],
  BANK_ACCOUNT_HAS_STATEMENTS: ['conflict', { fr: 'Des relevés ont été importés sur ce compte : son IBAN et sa devise ne changent plus.', en: 'Statements were imported into this account: its IBAN and currency can no longer change.' }],
  BANK_RULE_NOT_FOUND: ['not_found', { fr: 'Règle introuvable.', en: 'Rule not found.' }],
});
