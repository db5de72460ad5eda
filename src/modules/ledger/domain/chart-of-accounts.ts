/**
 * What an account is for, beyond its PCG class: class 4 holds both outside third parties
 * (clients, suppliers, the State) and the members' current accounts, which the platform
 * treats apart (money owed to or by an entrepreneur of the coop).
 */
export const ACCOUNT_KINDS = ['equity', 'asset', 'third_party', 'member', 'cash', 'expense', 'revenue'] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];

export const ACCOUNT_NUMBER_PATTERN = /^[1-8][0-9]{1,11}$/;

export interface ChartAccount {
  number: string;
  label: string;
  kind: AccountKind;
}

/** The PCG class of an account (1 capital … 7 revenue, 8 special): its first digit. */
export function accountClass(number: string): number {
  if (!ACCOUNT_NUMBER_PATTERN.test(number)) throw new Error(`not a PCG account number: ${number}`);
  return Number(number[0]);
}

/** The kind an account gets by default from its number (class 4 member accounts: 455, 467). */
export function defaultKindOf(number: string): AccountKind {
  const cls = accountClass(number);
  if (number.startsWith('455') || number.startsWith('467')) return 'member';
  switch (cls) {
    case 1:
      return 'equity';
    case 2:
    case 3:
      return 'asset';
    case 4:
      return 'third_party';
    case 5:
      return 'cash';
    case 6:
      return 'expense';
    case 7:
      return 'revenue';
    default:
      return 'asset';
  }
}

const account = (number: string, label: string, kind: AccountKind = defaultKindOf(number)): ChartAccount => ({ number, label, kind });

/**
 * The accounts the platform posts to, from the plan comptable général (ANC regulation
 * 2014-03). A coop may add, rename or deactivate accounts; the platform only relies on these.
 */
export function defaultChartOfAccounts(): ChartAccount[] {
  return [
    account('101', 'Capital social (fonds propres de la coopérative)'),
    account('106', 'Réserves (fonds propres de la coopérative)'),
    account('120', "Résultat de l'exercice"),
    account('1068', 'Autres réserves – fonds de garantie mutualisé'),
    account('401', 'Fournisseurs'),
    account('411', 'Clients'),
    account('4191', 'Clients – avances et acomptes reçus sur commandes'),
    account('421', 'Personnel – rémunérations dues'),
    account('431', 'Sécurité sociale'),
    account('44551', 'TVA à décaisser'),
    account('44562', 'TVA déductible sur immobilisations'),
    account('44566', 'TVA déductible sur autres biens et services'),
    account('44567', 'Crédit de TVA à reporter'),
    account('44571', 'TVA collectée'),
    account('44574', 'TVA collectée à régulariser (en attente d\'encaissement)'),
    account('4551', 'Associés – comptes courants'),
    account('4675', 'Préfinancements accordés aux activités (fonds de garantie)'),
    account('4676', 'Fonds de garantie – préfinancements en cours'),
    account('4671', 'Entrepreneurs – notes de frais à rembourser'),
    account('4672', 'Entrepreneurs – avances sur frais'),
    account('4677', 'Prêts aux activités (micro-crédit, avances de trésorerie)'),
    account('467', 'Autres comptes débiteurs ou créditeurs (comptes des entrepreneurs)'),
    account('512', 'Banque'),
    account('5112', 'Chèques à encaisser'),
    account('530', 'Caisse'),
    account('601', 'Achats stockés – matières premières'),
    account('604', "Achats d'études et prestations de services"),
    account('606', 'Achats non stockés de matières et fournitures'),
    account('6061', 'Fournitures non stockables (eau, énergie)'),
    account('6063', "Fournitures d'entretien et de petit équipement"),
    account('6064', 'Fournitures administratives'),
    account('6068', 'Autres matières et fournitures'),
    account('607', 'Achats de marchandises'),
    account('611', 'Sous-traitance générale'),
    account('613', 'Locations'),
    account('6132', 'Locations immobilières'),
    account('6135', 'Locations mobilières'),
    account('615', 'Entretien et réparations'),
    account('6155', 'Entretien et réparations sur biens mobiliers'),
    account('618', 'Divers (documentation, séminaires)'),
    account('6181', 'Documentation générale'),
    account('622', "Rémunérations d'intermédiaires et honoraires"),
    account('6222', "Commissions d'apporteurs d'affaires"),
    account('6226', 'Honoraires'),
    account('623', 'Publicité, publications, relations publiques'),
    account('6231', 'Annonces et insertions'),
    account('624', 'Transports de biens et transports collectifs du personnel'),
    account('625', 'Déplacements, missions et réceptions'),
    account('6251', 'Voyages et déplacements'),
    account('6256', 'Missions'),
    account('6257', 'Réceptions'),
    account('626', 'Frais postaux et de télécommunications'),
    account('627', 'Services bancaires et assimilés'),
    account('6278', 'Frais de préfinancement'),
    account('641', 'Rémunérations du personnel'),
    account('645', 'Charges de sécurité sociale et de prévoyance'),
    account('6541', 'Pertes sur créances irrécouvrables'),
    account('658', 'Charges diverses de gestion courante'),
    account('6581', 'Contribution coopérative des activités'),
    account('6611', "Charges d'intérêts des emprunts et dettes"),
    account('706', 'Prestations de services'),
    account('7061', 'Prestations de services – marge de gestion de projet'),
    account('707', 'Ventes de marchandises'),
    account('708', 'Produits des activités annexes'),
    account('7082', "Commissions d'apporteurs d'affaires reçues"),
    account('7588', 'Produits divers de gestion courante (contribution coopérative)'),
    account('7589', 'Produits du fonds de garantie (frais de préfinancement)'),
    account('7638', 'Revenus des autres créances (intérêts des prêts aux activités)'),
    account('791', "Transferts de charges d'exploitation"),
  ];
}

export interface DefaultJournal {
  code: string;
  label: string;
}

/** The journals every coop keeps (AN: the opening entries, à-nouveaux, of each fiscal year). */
export function defaultJournals(): DefaultJournal[] {
  return [
    { code: 'VT', label: 'Ventes' },
    { code: 'AC', label: 'Achats' },
    { code: 'BQ', label: 'Banque' },
    { code: 'OD', label: 'Opérations diverses' },
    { code: 'SA', label: 'Salaires' },
    { code: 'AN', label: 'À-nouveaux' },
  ];
}
