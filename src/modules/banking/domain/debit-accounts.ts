import type { LocalizedText } from '../../../platform/errors.js';

export interface DebitAccount {
  number: string;
  label: LocalizedText;
  /** 401 and 411 are accounts of third parties: the booking names which one. */
  needsThirdParty: boolean;
  /** A charge (class 6) may carry deductible VAT; a payment to a third party or a social body carries none of its own. */
  mayDeductVat: boolean;
}

const account = (number: string, fr: string, en: string, opts: Partial<Pick<DebitAccount, 'needsThirdParty' | 'mayDeductVat'>> = {}): DebitAccount => ({
  number,
  label: { fr, en },
  needsThirdParty: opts.needsThirdParty ?? false,
  mayDeductVat: opts.mayDeductVat ?? number.startsWith('6'),
});

/**
 * The accounts (plan comptable général) a bank debit may be booked to from the statement: what
 * a cooperative pays by transfer, direct debit or card. Accounts of the bank itself, of
 * capital or of revenue are left out: money leaving the bank is never booked there from here,
 * and an unusual case is an entry the accountant posts by hand.
 */
export const DEBIT_ACCOUNTS: readonly DebitAccount[] = [
  account('401', 'Fournisseurs (facture déjà enregistrée)', 'Suppliers (invoice already recorded)', { needsThirdParty: true }),
  account('411', 'Clients (remboursement d’un client)', 'Clients (refund to a client)', { needsThirdParty: true }),
  account('421', 'Personnel – rémunérations dues', 'Staff – salaries due'),
  account('431', 'Sécurité sociale (URSSAF)', 'Social security (URSSAF)'),
  account('437', 'Autres organismes sociaux (retraite, prévoyance, mutuelle)', 'Other social bodies (pension, provident, health insurance)'),
  account('467', 'Comptes des entrepreneurs (remboursement de frais)', 'Entrepreneurs’ accounts (expenses refunded)'),
  account('604', 'Achats d’études et prestations de services', 'Purchased studies and services'),
  account('606', 'Achats non stockés de matières et fournitures', 'Non-stored supplies'),
  account('6061', 'Fournitures non stockables (eau, énergie)', 'Utilities (water, energy)'),
  account('6064', 'Fournitures administratives', 'Office supplies'),
  account('611', 'Sous-traitance générale', 'Subcontracting'),
  account('613', 'Locations', 'Rentals'),
  account('615', 'Entretien et réparations', 'Maintenance and repairs'),
  account('616', 'Primes d’assurance', 'Insurance premiums', { mayDeductVat: false }),
  account('618', 'Divers (documentation, séminaires)', 'Sundry (documentation, seminars)'),
  account('622', 'Rémunérations d’intermédiaires et honoraires', 'Fees and intermediaries'),
  account('623', 'Publicité, publications, relations publiques', 'Advertising and public relations'),
  account('624', 'Transports de biens', 'Transport of goods'),
  account('625', 'Déplacements, missions et réceptions', 'Travel and entertainment'),
  account('626', 'Frais postaux et de télécommunications', 'Postage and telecommunications'),
  account('627', 'Services bancaires et assimilés', 'Bank charges'),
  account('635', 'Autres impôts et taxes', 'Other taxes', { mayDeductVat: false }),
  account('645', 'Charges de sécurité sociale et de prévoyance', 'Social security charges', { mayDeductVat: false }),
  account('658', 'Charges diverses de gestion courante', 'Other operating charges'),
  account('661', 'Charges d’intérêts', 'Interest charges', { mayDeductVat: false }),
];

/** The account a debit may be booked to, or undefined when it is not one of them. */
export const debitAccountOf = (number: string): DebitAccount | undefined => DEBIT_ACCOUNTS.find((a) => a.number === number);
