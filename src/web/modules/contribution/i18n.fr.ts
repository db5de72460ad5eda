/** The contribution's texts, French (the reference). */
export const fr = {
  settings: {
    title: 'Plancher et plafond de la contribution',
    intro:
      "Le taux et le moment du prélèvement se règlent plus haut. Chaque contribution est passée en écriture (compte 6581 de l'activité, 7588 de la coopérative) ; un changement s'applique aux prochaines contributions, jamais à celles déjà passées.",
    floor: 'Plancher',
    floorHint: 'Laisser vide : pas de minimum.',
    ceiling: 'Plafond',
    ceilingHint: 'Laisser vide : pas de maximum.',
    period: 'Le plancher et le plafond s’appliquent',
    periods: {
      invoice: 'par facture',
      month: 'par mois et par activité',
    },
    periodHelp: {
      invoice: "Chaque facture contribue au moins le plancher (sans dépasser son chiffre d'affaires HT) et au plus le plafond.",
      month:
        "Plafond : la contribution d'une activité sur un mois civil ne le dépasse jamais (les factures suivantes du mois contribuent moins, jusqu'à 0). Plancher : en fin de mois, si la contribution du mois d'une activité active est inférieure, un complément est passé le dernier jour du mois.",
    },
    save: 'Enregistrer',
    saved: 'Plancher et plafond enregistrés.',
    badAmount: 'Montant invalide (0 à 1 000 000 €).',
    floorAboveCeiling: 'Le plancher dépasse le plafond.',
  },
  activity: {
    title: 'Contribution coopérative',
    year: 'Contribution {{year}}',
    rule: '{{rate}} du chiffre d’affaires HT, prélevée {{basis}}',
    basis: {
      validation: 'à la validation de chaque facture',
      payment: 'au fil des encaissements',
    },
    floor: 'Plancher : {{amount}} {{period}}',
    ceiling: 'Plafond : {{amount}} {{period}}',
    periodOf: {
      invoice: 'par facture',
      month: 'par mois',
    },
    override: 'Règle propre à cette activité',
    ownRate: 'Taux propre à l’activité',
    ownRateHint: 'Laisser vide : le taux de la coopérative.',
    ownBounds: 'Plancher et plafond propres à l’activité',
    ownBoundsHint: 'Sinon : ceux de la coopérative.',
    save: 'Enregistrer la règle',
    saved: 'Règle de contribution enregistrée : elle s’applique aux prochaines factures.',
  },
  invoice: {
    line: 'Contribution coopérative ({{rate}})',
    lineMixed: 'Contribution coopérative',
    hint: {
      validation: 'Prélevée à la validation de la facture.',
      payment: 'Prélevée au fil des encaissements.',
    },
  },
};
