type LocalizedText = { fr: string; en: string };

/**
 * The reason codes of a returned or rejected direct debit (ISO 20022 ExternalReturnReason1Code,
 * the ones the EPC's SDD rulebook lists), as a member and the staff read them.
 */
export const RETURN_REASONS: Record<string, LocalizedText> = {
  AC01: { fr: 'IBAN incorrect', en: 'Incorrect account number' },
  AC04: { fr: 'Compte clôturé', en: 'Account closed' },
  AC06: { fr: 'Compte bloqué', en: 'Account blocked' },
  AC13: { fr: 'Compte de consommateur non autorisé', en: 'Debtor account is a consumer account' },
  AG01: { fr: 'Prélèvement interdit sur ce compte', en: 'Transaction forbidden on this account' },
  AG02: { fr: 'Code opération incorrect', en: 'Invalid bank operation code' },
  AM04: { fr: 'Provision insuffisante', en: 'Insufficient funds' },
  AM05: { fr: 'Opération en double', en: 'Duplicate collection' },
  BE05: { fr: 'Créancier non reconnu', en: 'Unrecognised creditor' },
  FF01: { fr: 'Format de fichier invalide', en: 'Invalid file format' },
  MD01: { fr: 'Pas de mandat', en: 'No mandate' },
  MD02: { fr: 'Données du mandat manquantes ou incorrectes', en: 'Missing or incorrect mandate data' },
  MD06: { fr: 'Contestation du débiteur (remboursement demandé)', en: 'Refund requested by the debtor' },
  MD07: { fr: 'Débiteur décédé', en: 'Debtor deceased' },
  MS02: { fr: 'Refus du débiteur', en: 'Refused by the debtor' },
  MS03: { fr: 'Raison non communiquée', en: 'Reason not specified' },
  RC01: { fr: 'BIC incorrect', en: 'Incorrect BIC' },
  RR01: { fr: 'Identification du débiteur manquante', en: 'Missing debtor account or identification' },
  RR02: { fr: 'Nom ou adresse du débiteur manquant', en: 'Missing debtor name or address' },
  RR03: { fr: 'Nom ou adresse du créancier manquant', en: 'Missing creditor name or address' },
  RR04: { fr: 'Raison réglementaire', en: 'Regulatory reason' },
  SL01: { fr: 'Service spécifique de la banque du débiteur', en: "Specific service of the debtor's bank" },
};

/**
 * Codes after which the mandate cannot be used again: the account is closed or cannot be
 * debited, the debtor denies or refuses the mandate, or died. A temporary cause (funds, a
 * duplicate, a refund of one debit) leaves the mandate active for the next collection.
 */
const REVOKING = new Set(['AC01', 'AC04', 'AC06', 'AC13', 'AG01', 'MD01', 'MD07', 'MS02']);

export const mandateEndsWith = (code: string) => REVOKING.has(code);

export const returnReasonText = (code: string): LocalizedText => RETURN_REASONS[code] ?? { fr: `Motif ${code}`, en: `Reason ${code}` };
