// The ledger module's strings in French, the reference catalogue: i18n.en.ts must have the
// same keys. Assembled under `ledger.` by src/web/i18n/fr.ts.
export const fr = {
  nav: {
    trialBalance: 'Balance générale',
    generalLedger: 'Grand livre',
  },
  period: {
    from: 'Du',
    to: 'Au',
    reversed: 'La fin de la période précède son début.',
  },
  downloadCsv: 'Télécharger (CSV)',
  total: 'Total',
  columns: {
    account: 'Compte',
    label: 'Libellé',
    date: 'Date',
    journal: 'Journal',
    entryNumber: 'N° écriture',
    activity: 'Activité',
    debit: 'Débit',
    credit: 'Crédit',
    debitBalance: 'Solde débiteur',
    creditBalance: 'Solde créditeur',
    balance: 'Solde',
  },
  trialBalance: {
    title: 'Balance générale',
    intro: 'Les mouvements et soldes de chaque compte sur la période, calculés à partir des écritures.',
    empty: 'Aucune écriture sur cette période.',
  },
  generalLedger: {
    title: 'Grand livre',
    intro: 'Toutes les lignes d’écriture de la période, compte par compte, avec le solde progressif.',
    account: 'Compte',
    allAccounts: 'Tous les comptes',
    empty: 'Aucune ligne sur cette période.',
    pages: 'Pages du grand livre',
    count_one: '{{count}} ligne',
    count_other: '{{count}} lignes',
  },
};
