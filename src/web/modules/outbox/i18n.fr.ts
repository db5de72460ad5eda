// The outbox module's strings in French, the reference catalogue: i18n.en.ts must have the
// same keys. Assembled under `outbox.` by src/web/i18n/fr.ts.
export const fr = {
  title: "Boîte d'envoi",
  intro: "Les e-mails envoyés au nom de la coopérative. Tant qu'aucun serveur SMTP n'est configuré, ils restent ici.",
  filters: {
    status: 'État',
    to: 'Destinataire',
    any: 'Tous',
  },
  columns: {
    to: 'Destinataire',
    subject: 'Objet',
    template: 'Modèle',
    status: 'État',
    date: 'Date',
  },
  status: {
    queued: 'En attente',
    sent: 'Envoyé',
    failed: 'Échec',
  },
  templates: {
    resource_booking: {
      confirmed: 'Réservation confirmée (avec invitation .ics)',
      series_confirmed: 'Réservations hebdomadaires confirmées (avec invitation .ics)',
      cancelled: 'Réservation annulée (avec annulation .ics)',
    },
    resource_waitlist: {
      notified: "Créneau libéré (liste d'attente)",
    },
    event_registration_confirmed: "Inscription confirmée à un évènement",
    event_registration_promoted: "Place libérée : inscription confirmée",
    event_updated: "Évènement modifié (invitation mise à jour)",
    event_registration_waiting: "Inscription en liste d'attente",
    event_cancelled: 'Évènement annulé',
    event_reminder: "Rappel d'évènement",
    workclub: {
      guest_invited: 'Invitation à un workclub (participant extérieur)',
      guest_reinvited: 'Nouvelle invitation à un workclub (nouveau lien)',
      session_scheduled: 'Séance de workclub programmée (avec .ics)',
      session_rescheduled: 'Séance de workclub modifiée (avec .ics)',
    },
    fees: {
      prenotification: 'Pré-notification de prélèvement SEPA',
    },
    independence: {
      threshold_crossed: {
        member: "Seuil d'indépendance franchi (au membre)",
        staff: "Seuil d'indépendance franchi (à l'équipe)",
      },
    },
    notification: {
      each: 'Notification',
      digest: 'Résumé quotidien des notifications',
    },
    invitation: 'Invitation',
    access_granted: 'Accès accordé',
    choose_password: 'Accès accordé (mot de passe à choisir)',
    password_reset: 'Mot de passe oublié',
    dunning_reminder: 'Relance de paiement',
    dunning_formal_notice: 'Mise en demeure',
    dunning_formal_notice_pending: 'Mise en demeure en attente (au membre)',
    quote: {
      sent: 'Envoi de devis',
    },
    invoice: {
      sent: 'Envoi de facture',
    },
    credit_note: {
      sent: "Envoi d'avoir",
    },
  },
  empty: 'Aucun e-mail.',
  open: "Lire l'e-mail",
  openSubject: "Lire l'e-mail « {{subject}} »",
  detail: {
    to: 'À',
    createdAt: 'Créé le',
    sentAt: 'Envoyé le',
    attempts: 'Tentatives',
    lastError: 'Dernière erreur',
    attachments: 'Pièces jointes',
  },
};
