import { fr as activities } from '../modules/activities/i18n.fr';
import { fr as audit } from '../modules/audit/i18n.fr';
import { fr as auth } from '../modules/auth/i18n.fr';
import { fr as bank } from '../modules/bank/i18n.fr';
import { fr as clients } from '../modules/clients/i18n.fr';
import { fr as coop } from '../modules/coop/i18n.fr';
import { fr as contribution } from '../modules/contribution/i18n.fr';
import { fr as dashboard } from '../modules/dashboard/i18n.fr';
import { fr as documents } from '../modules/documents/i18n.fr';
import { fr as dunning } from '../modules/dunning/i18n.fr';
import { fr as advances } from '../modules/advances/i18n.fr';
import { fr as invoices } from '../modules/invoices/i18n.fr';
import { fr as ledger } from '../modules/ledger/i18n.fr';
import { fr as members } from '../modules/members/i18n.fr';
import { fr as outbox } from '../modules/outbox/i18n.fr';
import { fr as payments } from '../modules/payments/i18n.fr';
import { fr as people } from '../modules/people/i18n.fr';
import { fr as quotes } from '../modules/quotes/i18n.fr';
import { fr as jobs } from '../modules/jobs/i18n.fr';
import { fr as notifications } from '../modules/notifications/i18n.fr';
import { fr as salaries } from '../modules/salaries/i18n.fr';
import { fr as treasury } from '../modules/treasury/i18n.fr';
import { fr as independents } from '../modules/independents/i18n.fr';
import { fr as expenses } from '../modules/expenses/i18n.fr';
import { fr as vat } from '../modules/vat/i18n.fr';
import { fr as purchases, frSuppliers as suppliers } from '../modules/purchases/i18n.fr';
import { fr as payouts } from '../modules/payouts/i18n.fr';
import { fr as cochallenge } from '../modules/cochallenge/i18n.fr';
import { fr as fees } from '../modules/fees/i18n.fr';
import { fr as directory } from '../modules/directory/i18n.fr';
import { fr as knowledge } from '../modules/knowledge/i18n.fr';
import { fr as workclubs } from '../modules/workclubs/i18n.fr';
import { fr as events } from '../modules/events/i18n.fr';
import { fr as resources } from '../modules/resources/i18n.fr';
import { fr as plans } from '../modules/plans/i18n.fr';
import { fr as resourceOps } from '../modules/resource-ops/i18n.fr';
import type { Translation } from './translation';

/**
 * French catalogue — the reference one: the English catalogue must have exactly these keys
 * (its type is derived from this object), so a key added here without its translation
 * fails the type check.
 *
 * The strings used across the app (`common`, `nav`) live here; each module of
 * src/web/modules keeps its own in its i18n.fr.ts and i18n.en.ts, mounted here under the
 * module's name, so every key reads `members.…`, `invoices.…` as before.
 * Interpolation uses i18next's `{{name}}` syntax.
 */
export const fr = {
  common: {
    list: {
      sortBy: 'Trier par {{column}}',
      sortLabel: 'Trier',
      defaultOrder: 'Ordre par défaut',
      exportCsv: 'Exporter (CSV)',
    },
    appName: 'Mutualise',
    pagination: 'Pages de la liste',
    loading: 'Chargement…',
    retry: 'Réessayer',
    save: 'Enregistrer',
    cancel: 'Annuler',
    close: 'Fermer',
    back: 'Retour',
    backHome: "Retour à l'accueil",
    togglePasswordVisibility: 'Afficher ou masquer le mot de passe',
    timeOfDay: 'Heure',
    timePlaceholder: 'hh:mm',
    language: 'Langue',
    languages: {
      fr: 'Français',
      en: 'English',
    },
    roles: {
      admin: 'Administrateur·rice',
      staff: 'Conseiller·ère',
      accountant: 'Comptable',
      member: 'Membre',
    },
    forbidden: '403 — vous ne pouvez pas ouvrir cette page',
    notFound: "404 — cette page n'existe pas",
    errors: {
      title: 'Une erreur est survenue',
      network: 'Le serveur ne répond pas. Vérifiez votre connexion puis réessayez.',
      unexpected: 'Une erreur inattendue est survenue. Réessayez dans un instant.',
      sessionUnavailable: 'Impossible de joindre Mutualise pour le moment.',
    },
  },
  auth,
  nav: {
    main: 'Navigation principale',
    toggle: 'Ouvrir ou fermer le menu',
    dashboard: 'Tableau de bord',
    members: 'Membres',
    activities: 'Activités',
    clients: 'Clients',
    myProfile: 'Mon profil',
    myActivities: 'Mes activités',
    myClients: 'Mes clients',
    people: 'Personnes et accès',
    settings: 'Paramètres',
    audit: "Journal d'audit",
    outbox: "Boîte d'envoi",
    administration: 'Administration',
    coopSwitcher: 'Changer de coopérative',
    chooseCoop: {
      title: 'Choisissez une coopérative',
      intro: 'Votre compte a accès à plusieurs structures. Laquelle voulez-vous ouvrir ?',
      none: "Votre compte n'a accès à aucune coopérative pour le moment.",
    },
    coopSwitched: 'Vous travaillez maintenant dans {{coopName}}.',
  },
  dashboard,
  members,
  activities,
  clients,
  coop,
  people,
  audit,
  outbox,
  invoices,
  documents,
  dunning,
  advances,
  ledger,
  payments,
  bank,
  quotes,
  contribution,
  jobs,
  notifications,
  salaries,
  treasury,
  independents,
  expenses,
  vat,
  purchases,
  suppliers,
  payouts,
  cochallenge,
  fees,
  directory,
  knowledge,
  workclubs,
  events,
  resources,
  plans,
  resourceOps,
};

/** The shape every catalogue must have: the French keys, with string values. */
export type Catalogue = Translation<typeof fr>;
