// The notifications module's strings in French (the reference catalogue).
export const fr = {
  title: 'Notifications',
  bell: 'Notifications',
  bellUnread_one: '{{count}} notification non lue',
  bellUnread_other: '{{count}} notifications non lues',
  latest: 'Dernières notifications',
  none: 'Aucune notification.',
  noneUnread: 'Rien de nouveau.',
  seeAll: 'Tout voir',
  markAllRead: 'Tout marquer comme lu',
  markedAllRead: 'Toutes vos notifications sont marquées comme lues.',
  unreadOnly: 'Non lues seulement',
  unread: 'Non lue',
  opening: 'Ouverture de la notification…',
  columns: { what: 'Quoi', when: 'Quand', status: 'État' },
  by: 'par {{name}}',
  /** What happened, by audit action; `what` is the document's number or name with its amount. */
  actions: {
    invoice: {
      submitted: 'Facture {{what}} à valider',
      validated: 'Facture {{what}} validée',
      sent_back: 'Facture {{what}} renvoyée pour correction',
      payment_applied: 'Paiement reçu sur la facture {{what}}',
    },
    quote: {
      submitted: 'Devis {{what}} à valider',
      validated: 'Devis {{what}} validé',
      sent_back: 'Devis {{what}} renvoyé pour correction',
      accepted: 'Devis {{what}} accepté par le client',
      refused: 'Devis {{what}} refusé par le client',
    },
    salary: {
      requested: 'Demande de salaire {{what}} à valider',
      validated: 'Salaire {{what}} validé',
      refused: 'Salaire {{what}} refusé',
    },
    advance: {
      requested: "Demande d'avance {{what}} à valider",
      approved: 'Avance {{what}} accordée',
      refused: 'Avance {{what}} refusée',
      paid: 'Avance {{what}} versée',
      settled: 'Avance {{what}} soldée',
      written_off: 'Avance {{what}} passée en perte',
    },
    expense_report: {
      submitted: 'Note de frais {{what}} à valider',
      returned: 'Note de frais {{what}} renvoyée pour modification',
      validated: 'Note de frais {{what}} validée',
      paid: 'Note de frais {{what}} remboursée',
    },
    expense_advance: {
      paid: 'Avance sur frais {{what}} versée',
    },
    member_invoice: {
      received: 'Facture de membre {{what}} reçue',
      paid: 'Facture de membre {{what}} payée',
    },
    loan: {
      granted: 'Prêt {{what}} accordé',
    },
    commission: {
      posted: "Commission d'apport {{what}} reçue",
    },
    job: {
      created: "Vous participez à l'affaire {{what}}",
    },
    member_fee: {
      billed: 'Cotisation {{what}} facturée',
      returned: 'Prélèvement de la cotisation {{what}} rejeté',
    },
    independence: {
      threshold_crossed: "Seuil d'indépendance franchi {{what}}",
    },
    bank_statement: {
      imported: 'Relevé bancaire {{what}} importé : lignes à rapprocher',
    },
    other: '{{action}} {{what}}',
  },
  preference: {
    title: 'Recevoir par mail',
    intro: 'Vous êtes toujours prévenu·e ici, dans la cloche. Choisissez en plus ce que vous recevez par mail dans cette coopérative.',
    each: 'Un mail par notification',
    daily: 'Un résumé par jour (le matin)',
    none: 'Aucun mail',
    saved: 'Préférence enregistrée.',
  },
};
