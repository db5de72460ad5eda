// The people module's strings in French, the reference catalogue: i18n.en.ts must have the
// same keys. Assembled under `people.` by src/web/i18n/fr.ts.
export const fr = {
  title: 'Personnes et accès',
  intro: 'Les personnes qui ont accès à la coopérative sur Mutualise, et leurs rôles.',
  search: 'Rechercher une personne',
  searchPlaceholder: 'Nom ou adresse e-mail',
  columns: {
    name: 'Nom',
    roles: 'Rôles',
    state: 'État',
    actions: 'Actions',
  },
  state: {
    active: 'Compte actif',
    pending: 'Invitation en attente',
    expires: 'expire le {{date}}',
    expired: 'Invitation expirée',
  },
  empty: 'Personne ne correspond à cette recherche.',
  invite: {
    open: 'Inviter une personne',
    title: 'Inviter une personne',
    email: 'Adresse e-mail',
    firstName: 'Prénom',
    lastName: 'Nom',
    role: 'Rôle',
    membershipType: "Type d'adhésion",
    membershipTypeHint: 'Une fiche membre est ouverte au statut candidat·e.',
    submit: "Envoyer l'invitation",
    sent: 'Invitation envoyée à {{email}}.',
  },
  resend: {
    action: "Renvoyer l'invitation",
    done: 'Nouvelle invitation envoyée à {{email}}.',
  },
  roles: {
    edit: 'Modifier les rôles',
    title: 'Rôles de {{name}}',
    hint: "Sans aucun rôle, la personne n'a plus accès à la coopérative.",
    submit: 'Enregistrer les rôles',
    saved: 'Rôles de {{name}} mis à jour.',
  },
  validation: {
    required: 'Ce champ est obligatoire.',
    email: 'Adresse e-mail invalide.',
  },
};
