import type { NewClient } from '../modules/clients/index.js';
import type { MemberStatus } from '../modules/members/index.js';

export interface DemoMember {
  firstName: string;
  lastName: string;
  email: string;
  type: 'entrepreneur_salarie' | 'independent' | 'coworker';
  phone: string;
  pole: string;
  skills: string[];
  trades: string[];
  company?: { name: string; siret: string };
  /** The seat of an independent's company: a mandatory mention of the invoices they send the coop. */
  address?: { line1: string; postalCode: string; city: string };
  joinedDaysAgo: number;
  /** Lifecycle steps after joining, each some days after the previous one. */
  path: { to: MemberStatus; afterDays: number }[];
  activity?: { code: string; name: string; description: string };
}

const email = (first: string, last: string) =>
  `${first}.${last}`
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase() + '@demo.mutualise.coop';

const m = (d: Omit<DemoMember, 'email'>): DemoMember => ({ ...d, email: email(d.firstName, d.lastName) });

/** Twelve members: six entrepreneurs-salariés (CAE), three independents, three coworkers. */
export const DEMO_MEMBERS: DemoMember[] = [
  m({
    firstName: 'Camille', lastName: 'Martin', type: 'entrepreneur_salarie', phone: '06 12 34 56 78', pole: 'communication_design',
    skills: ['identité visuelle', 'illustration', 'mise en page'], trades: ['graphiste'], joinedDaysAgo: 820,
    path: [{ to: 'in_support', afterDays: 15 }, { to: 'employee', afterDays: 365 }],
    activity: { code: 'CAMILLE-GRAPHISME', name: 'Camille Martin Graphisme', description: 'Identités visuelles et éditions pour les associations et PME.' },
  }),
  m({
    firstName: 'Étienne', lastName: 'Lefèvre', type: 'entrepreneur_salarie', phone: '06 22 33 44 55', pole: 'technical',
    skills: ['menuiserie', 'agencement', 'ébénisterie'], trades: ['menuisier'], joinedDaysAgo: 1400,
    path: [{ to: 'in_support', afterDays: 10 }, { to: 'employee', afterDays: 300 }, { to: 'associate', afterDays: 700 }],
    activity: { code: 'BOIS-LUMIERE', name: 'Bois & Lumière', description: 'Menuiserie sur mesure et agencement intérieur.' },
  }),
  m({
    firstName: 'Inès', lastName: 'Moreau', type: 'entrepreneur_salarie', phone: '07 11 22 33 44', pole: 'technical',
    skills: ['développement web', 'React', 'accessibilité'], trades: ['développeuse'], joinedDaysAgo: 120,
    path: [{ to: 'in_support', afterDays: 20 }],
    activity: { code: 'INES-DEV', name: 'Inès Moreau Développement', description: 'Sites et applications web accessibles.' },
  }),
  m({
    firstName: 'Lucas', lastName: 'Bernard', type: 'entrepreneur_salarie', phone: '06 98 76 54 32', pole: 'communication_design',
    skills: ['photographie', 'vidéo'], trades: ['photographe'], joinedDaysAgo: 12, path: [],
    activity: { code: 'LUCAS-PHOTO', name: 'Lucas Bernard Photographie', description: 'Reportages et portraits pour les entreprises (projet en préparation).' },
  }),
  m({
    firstName: 'Chloé', lastName: 'Dubois', type: 'entrepreneur_salarie', phone: '06 45 67 89 01', pole: 'communication_design',
    skills: ['traduction', 'anglais', 'espagnol'], trades: ['traductrice'], joinedDaysAgo: 700,
    path: [{ to: 'in_support', afterDays: 20 }, { to: 'employee', afterDays: 370 }, { to: 'leaving', afterDays: 300 }],
    activity: { code: 'CHLOE-TRAD', name: 'Chloé Dubois Traduction', description: 'Traduction technique et juridique EN/ES → FR.' },
  }),
  m({
    firstName: 'Hugo', lastName: 'Petit', type: 'entrepreneur_salarie', phone: '06 55 44 33 22', pole: 'technical',
    skills: ['isolation', 'formation', 'thermique'], trades: ['formateur', 'thermicien'], joinedDaysAgo: 600,
    path: [{ to: 'in_support', afterDays: 30 }, { to: 'employee', afterDays: 330 }],
    activity: { code: 'HUGO-FORMATION', name: 'Hugo Petit Formation', description: 'Formations à la rénovation énergétique.' },
  }),
  m({
    firstName: 'Nathalie', lastName: 'Roux', type: 'independent', phone: '06 77 88 99 00', pole: 'management_consulting',
    skills: ['stratégie', 'conduite du changement'], trades: ['consultante'], joinedDaysAgo: 500,
    company: { name: 'NR Conseil SARL', siret: '81234567600017' }, address: { line1: '28 rue Garibaldi', postalCode: '69006', city: 'Lyon' }, path: [{ to: 'active', afterDays: 7 }],
    activity: { code: 'NR-CONSEIL', name: 'NR Conseil', description: 'Accompagnement stratégique des PME.' },
  }),
  m({
    firstName: 'Julien', lastName: 'Fournier', type: 'independent', phone: '06 66 55 44 33', pole: 'project_management',
    skills: ['gestion de projet', 'agilité', 'PMO'], trades: ['chef de projet'], joinedDaysAgo: 950,
    company: { name: 'JF Projets EURL', siret: '79845612500011' }, address: { line1: '5 place Bellecour', postalCode: '69002', city: 'Lyon' }, path: [{ to: 'active', afterDays: 5 }, { to: 'associate', afterDays: 400 }],
    activity: { code: 'JF-PROJETS', name: 'JF Projets', description: 'Direction de projets multi-partenaires.' },
  }),
  m({
    firstName: 'Sarah', lastName: 'Girard', type: 'independent', phone: '07 22 33 44 55', pole: 'marketing',
    skills: ['marketing digital', 'SEO', 'réseaux sociaux'], trades: ['consultante marketing'], joinedDaysAgo: 200,
    company: { name: 'Girard Marketing SAS', siret: '84512378500014' }, address: { line1: '14 rue Paul Bert', postalCode: '69003', city: 'Lyon' }, path: [{ to: 'active', afterDays: 10 }],
    activity: { code: 'GIRARD-MKT', name: 'Girard Marketing', description: 'Stratégie de contenu et référencement.' },
  }),
  m({
    firstName: 'Thomas', lastName: 'Bonnet', type: 'coworker', phone: '06 10 20 30 40', pole: 'technical',
    skills: ['data', 'Python'], trades: ['data scientist'], joinedDaysAgo: 300, path: [{ to: 'active', afterDays: 1 }],
  }),
  m({
    firstName: 'Léa', lastName: 'Mercier', type: 'coworker', phone: '06 50 60 70 80', pole: 'communication_design',
    skills: ['UX', 'design de service'], trades: ['designer'], joinedDaysAgo: 90, path: [{ to: 'active', afterDays: 2 }],
  }),
  m({
    firstName: 'Maxime', lastName: 'Lambert', type: 'coworker', phone: '07 80 90 10 20', pole: 'internal_optimisation',
    skills: ['comptabilité', 'contrôle de gestion'], trades: ['contrôleur de gestion'], joinedDaysAgo: 3, path: [],
  }),
];

const billing = (line1: string, postalCode: string, city: string) => [{ kind: 'billing' as const, line1, postalCode, city, country: 'FR', isDefault: true }];

/** Ten clients, each worked with by one activity. */
export const DEMO_CLIENTS: { activityCode: string; client: Omit<NewClient, 'activityId'> }[] = [
  { activityCode: 'CAMILLE-GRAPHISME', client: { kind: 'company', name: 'Boulangerie Les Trois Épis', legalForm: 'SARL', siren: '532198769', siret: '53219876900012', email: 'contact@troisepis.fr', phone: '04 72 10 20 30', addresses: billing('8 place des Terreaux', '69001', 'Lyon'), contacts: [{ firstName: 'Martine', lastName: 'Garnier', role: 'Gérante', email: 'martine@troisepis.fr', isPrimary: true }] } },
  { activityCode: 'CAMILLE-GRAPHISME', client: { kind: 'company', name: 'Association Les Amis du Rhône', legalForm: 'Association loi 1901', siren: '412789356', siret: '41278935600018', email: 'bureau@amisdurhone.org', addresses: billing('3 quai Saint-Vincent', '69001', 'Lyon'), contacts: [{ firstName: 'Paul', lastName: 'Chevalier', role: 'Président', isPrimary: true }] } },
  { activityCode: 'BOIS-LUMIERE', client: { kind: 'individual', name: 'Marie Durand', email: 'marie.durand@example.org', phone: '06 01 02 03 04', addresses: billing('21 rue Victor Hugo', '69002', 'Lyon') } },
  { activityCode: 'BOIS-LUMIERE', client: { kind: 'company', name: 'Hôtel du Parc SAS', legalForm: 'SAS', siren: '901234567', siret: '90123456700013', email: 'direction@hotelduparc.fr', addresses: billing('45 boulevard des Belges', '69006', 'Lyon'), contacts: [{ firstName: 'Antoine', lastName: 'Faure', role: 'Directeur', email: 'a.faure@hotelduparc.fr', isPrimary: true }] } },
  { activityCode: 'INES-DEV', client: { kind: 'company', name: 'Biocoop Croix-Rousse', legalForm: 'SCOP SARL', siren: '888777661', siret: '88877766100016', email: 'magasin@biocoop-cr.fr', addresses: billing('102 boulevard de la Croix-Rousse', '69004', 'Lyon') } },
  { activityCode: 'CHLOE-TRAD', client: { kind: 'company', name: 'Cabinet Lemoine Avocats', legalForm: 'SELARL', siren: '512349879', siret: '51234987900019', email: 'secretariat@lemoine-avocats.fr', addresses: billing('17 rue de la République', '69002', 'Lyon') } },
  { activityCode: 'HUGO-FORMATION', client: { kind: 'company', name: 'Commune de Villeurbanne', legalForm: 'Collectivité territoriale', siren: '216902668', siret: '21690266800013', email: 'formation@mairie-villeurbanne.fr', addresses: billing('Place Lazare Goujon', '69100', 'Villeurbanne') } },
  { activityCode: 'NR-CONSEIL', client: { kind: 'company', name: 'Transports Rhône-Alpes Express', legalForm: 'SA', siren: '833111222', siret: '83311122200018', email: 'dg@tra-express.fr', addresses: billing('5 rue de l’Industrie', '69200', 'Vénissieux'), contacts: [{ firstName: 'Sylvie', lastName: 'Perrin', role: 'Directrice générale', isPrimary: true }] } },
  { activityCode: 'JF-PROJETS', client: { kind: 'company', name: 'Studio Lumen', legalForm: 'SAS', siren: '753124684', siret: '75312468400014', email: 'hello@studiolumen.fr', addresses: billing('9 rue Mercière', '69002', 'Lyon') } },
  { activityCode: 'ECO-RENOVATION', client: { kind: 'individual', name: 'Paul Lemaire', email: 'paul.lemaire@example.org', addresses: billing('4 chemin des Vignes', '69260', 'Charbonnières-les-Bains') } },
];

/** A line as the demo writes it: euros and quantities as people say them, turned into cents and thousandths by the seed. */
export interface DemoLine {
  description: string;
  quantity: number;
  unit?: 'C62' | 'HUR' | 'DAY' | 'MON' | 'LS';
  unitPriceCents: number;
  vatRateBp: number;
  /** Exempt lines name the article of the CGI that exempts them (a mandatory mention). */
  exemption?: string;
  discountBp?: number;
  sectionTitle?: string;
}

export interface DemoPayment {
  daysAgo: number;
  /** 'rest': what is left to pay on the invoice at that day. */
  amountCents: number | 'rest';
  mode: 'transfer' | 'cheque' | 'card';
  reference: string;
}

/** An invoice a member drafted and the team validated `daysAgo` days before the seed's `now`. */
export interface DemoInvoice {
  activityCode: string;
  clientName: string;
  daysAgo: number;
  /** Delivery date, or the period of a service spread over weeks. */
  service: { daysAgo: number } | { fromDaysAgo: number; toDaysAgo: number };
  lines: DemoLine[];
  notes?: string;
  creditNote?: { daysAgo: number; lines: DemoLine[] };
  payments?: DemoPayment[];
}

/** Renovation of a dwelling over two years old: the reduced rates need the client's certificate. */
const RENOVATION_NOTE =
  "Travaux dans un logement achevé depuis plus de deux ans, attestation simplifiée du client conservée : TVA à 5,5 % pour l'amélioration de la performance énergétique (art. 278-0 bis A du CGI), 10 % pour les autres travaux (art. 279-0 bis du CGI).";
const TRAINING_EXEMPTION = 'Exonération de TVA, article 261-4-4° a du CGI (formation professionnelle continue)';

/**
 * Five months of sales, oldest first. Every invoice older than its 30-day term is settled
 * except two, so the dunning page has exactly the cases a coop would chase: Studio Lumen
 * (two reminders) and Transports Rhône-Alpes Express (a first reminder).
 */
export const DEMO_INVOICES: DemoInvoice[] = [
  {
    activityCode: 'CAMILLE-GRAPHISME', clientName: 'Boulangerie Les Trois Épis', daysAgo: 150, service: { daysAgo: 152 },
    lines: [
      { description: 'Création du logo et de la charte graphique', quantity: 1, unit: 'LS', unitPriceCents: 120_000, vatRateBp: 2000 },
      { description: "Cartes de visite : maquette et suivi d'impression (500 ex.)", quantity: 1, unitPriceCents: 18_500, vatRateBp: 2000 },
    ],
    payments: [{ daysAgo: 128, amountCents: 'rest', mode: 'transfer', reference: 'VIR BOULANGERIE LES TROIS EPIS' }],
  },
  {
    activityCode: 'HUGO-FORMATION', clientName: 'Commune de Villeurbanne', daysAgo: 135, service: { daysAgo: 137 },
    lines: [
      { description: 'Formation « Rénover avec des isolants biosourcés » : 2 jours, 8 agents', quantity: 2, unit: 'DAY', unitPriceCents: 140_000, vatRateBp: 0, exemption: TRAINING_EXEMPTION },
      { description: "Guide pratique de l'isolation biosourcée (ouvrage remis à chaque agent)", quantity: 8, unitPriceCents: 2_450, vatRateBp: 550 },
    ],
    payments: [{ daysAgo: 108, amountCents: 'rest', mode: 'transfer', reference: 'MANDAT 4412 TRESOR PUBLIC VILLEURBANNE' }],
  },
  {
    activityCode: 'BOIS-LUMIERE', clientName: 'Hôtel du Parc SAS', daysAgo: 120, service: { daysAgo: 122 },
    lines: [
      { description: "Comptoir d'accueil en chêne massif : fabrication et pose", quantity: 1, unit: 'LS', unitPriceCents: 680_000, vatRateBp: 2000 },
      { description: 'Déplacement et manutention', quantity: 1, unit: 'LS', unitPriceCents: 25_000, vatRateBp: 2000 },
    ],
    // The counter was laid a week late: a partial credit note, the invoice itself never changes.
    creditNote: { daysAgo: 112, lines: [{ description: 'Geste commercial : pose réalisée avec une semaine de retard', quantity: 1, unit: 'LS', unitPriceCents: 30_000, vatRateBp: 2000 }] },
    payments: [{ daysAgo: 93, amountCents: 'rest', mode: 'transfer', reference: 'VIR HOTEL DU PARC SAS' }],
  },
  {
    activityCode: 'CHLOE-TRAD', clientName: 'Cabinet Lemoine Avocats', daysAgo: 105, service: { daysAgo: 106 },
    lines: [
      { description: "Traduction anglais → français d'un contrat de cession de parts (8 400 mots)", quantity: 8_400, unitPriceCents: 12, vatRateBp: 2000 },
      { description: 'Relecture juridique et mise en forme', quantity: 3, unit: 'HUR', unitPriceCents: 5_500, vatRateBp: 2000 },
    ],
    payments: [{ daysAgo: 84, amountCents: 'rest', mode: 'cheque', reference: 'Chèque n° 0012345' }],
  },
  {
    activityCode: 'INES-DEV', clientName: 'Biocoop Croix-Rousse', daysAgo: 90, service: { fromDaysAgo: 130, toDaysAgo: 92 },
    lines: [
      { description: 'Refonte du site vitrine, conforme au RGAA', quantity: 1, unit: 'LS', unitPriceCents: 320_000, vatRateBp: 2000, discountBp: 500 },
      { description: 'Hébergement et maintenance', quantity: 12, unit: 'MON', unitPriceCents: 4_500, vatRateBp: 2000 },
    ],
    payments: [{ daysAgo: 64, amountCents: 'rest', mode: 'transfer', reference: 'VIR BIOCOOP CROIX ROUSSE' }],
  },
  {
    activityCode: 'ECO-RENOVATION', clientName: 'Paul Lemaire', daysAgo: 75, service: { fromDaysAgo: 95, toDaysAgo: 77 },
    lines: [
      { description: 'Isolation des combles perdus en fibre de bois (65 m²)', quantity: 65, unitPriceCents: 4_200, vatRateBp: 550 },
      { description: 'Fenêtres bois double vitrage : fourniture et pose', quantity: 4, unitPriceCents: 98_000, vatRateBp: 550 },
      { description: 'Dépose et évacuation des anciennes menuiseries', quantity: 1, unit: 'LS', unitPriceCents: 36_000, vatRateBp: 1000 },
    ],
    notes: RENOVATION_NOTE,
    payments: [{ daysAgo: 52, amountCents: 'rest', mode: 'cheque', reference: 'Chèque n° 7781203' }],
  },
  {
    activityCode: 'JF-PROJETS', clientName: 'Studio Lumen', daysAgo: 70, service: { fromDaysAgo: 100, toDaysAgo: 72 },
    lines: [{ description: 'Direction de projet : lancement de la plateforme de réservation', quantity: 12, unit: 'DAY', unitPriceCents: 65_000, vatRateBp: 2000 }],
  },
  {
    activityCode: 'NR-CONSEIL', clientName: 'Transports Rhône-Alpes Express', daysAgo: 45, service: { daysAgo: 47 },
    lines: [
      { description: 'Accompagnement stratégique : préparation et animation du séminaire de direction', quantity: 3, unit: 'DAY', unitPriceCents: 90_000, vatRateBp: 2000 },
      { description: 'Frais de déplacement', quantity: 1, unit: 'LS', unitPriceCents: 18_640, vatRateBp: 2000 },
    ],
  },
  {
    activityCode: 'BOIS-LUMIERE', clientName: 'Marie Durand', daysAgo: 25, service: { daysAgo: 26 },
    lines: [{ description: 'Bibliothèque sur mesure en chêne : fabrication et pose', quantity: 1, unit: 'LS', unitPriceCents: 245_000, vatRateBp: 1000 }],
    notes: RENOVATION_NOTE,
    payments: [{ daysAgo: 12, amountCents: 100_000, mode: 'cheque', reference: 'Chèque n° 3345120 (premier versement)' }],
  },
  {
    activityCode: 'CAMILLE-GRAPHISME', clientName: 'Association Les Amis du Rhône', daysAgo: 18, service: { daysAgo: 20 },
    lines: [{ description: 'Affiche et programme du festival « Rhône en fête »', quantity: 1, unit: 'LS', unitPriceCents: 85_000, vatRateBp: 2000 }],
  },
];

/** Days before `now` the daily dunning job ran in the demo's story (it runs every day; these are the runs that did something). */
export const DEMO_DUNNING_RUNS_DAYS_AGO = [33, 0];

/** A draft the member handed to the team, waiting in its "to validate" list. */
export const DEMO_SUBMITTED_INVOICE = {
  memberEmail: 'hugo.petit@demo.mutualise.coop',
  activityCode: 'HUGO-FORMATION',
  clientName: 'Commune de Villeurbanne',
  daysAgo: 3,
  serviceDaysAgo: 4,
  lines: [{ description: 'Formation « Piloter un chantier de rénovation globale » : 1 jour, 10 agents', quantity: 1, unit: 'DAY', unitPriceCents: 150_000, vatRateBp: 0, exemption: TRAINING_EXEMPTION }] as DemoLine[],
};

export interface DemoQuote {
  memberEmail: string;
  activityCode: string;
  clientName: string;
  /** Drafted that many days before `now`, valid that many days from then. */
  daysAgo: number;
  validForDays: number;
  lines: DemoLine[];
  notes?: string;
  /** How far it went: validated by the team and sent by the member, then accepted on paper with a deposit. */
  sent?: { daysAgo: number };
  accepted?: { daysAgo: number; byName: string; deposit: { percentBp: number; validatedDaysAgo: number; paidDaysAgo: number; reference: string } };
}

export const DEMO_QUOTES: DemoQuote[] = [
  {
    memberEmail: 'ines.moreau@demo.mutualise.coop', activityCode: 'INES-DEV', clientName: 'Biocoop Croix-Rousse', daysAgo: 30, validForDays: 30,
    lines: [
      { sectionTitle: 'Lot 1 : conception', description: 'Ateliers avec l’équipe et maquettes des parcours', quantity: 3, unit: 'DAY', unitPriceCents: 45_000, vatRateBp: 2000 },
      { sectionTitle: 'Lot 2 : développement', description: 'Boutique en ligne « click & collect », accessible RGAA', quantity: 12, unit: 'DAY', unitPriceCents: 48_000, vatRateBp: 2000 },
      { description: "Formation de l'équipe du magasin", quantity: 1, unit: 'LS', unitPriceCents: 35_000, vatRateBp: 2000 },
    ],
    notes: 'Acompte de 30 % à la commande, solde à la mise en ligne.',
    sent: { daysAgo: 29 },
    accepted: { daysAgo: 22, byName: 'Claire Vidal, gérante', deposit: { percentBp: 3000, validatedDaysAgo: 21, paidDaysAgo: 15, reference: 'VIR BIOCOOP ACOMPTE BOUTIQUE' } },
  },
  {
    memberEmail: 'etienne.lefevre@demo.mutualise.coop', activityCode: 'ECO-RENOVATION', clientName: 'Paul Lemaire', daysAgo: 6, validForDays: 40,
    lines: [
      { description: "Isolation des murs par l'extérieur en fibre de bois (110 m²)", quantity: 110, unitPriceCents: 13_500, vatRateBp: 550 },
      { description: 'Échafaudage : installation, location 3 semaines et dépose', quantity: 1, unit: 'LS', unitPriceCents: 180_000, vatRateBp: 1000 },
    ],
    notes: RENOVATION_NOTE,
    sent: { daysAgo: 5 },
  },
  {
    memberEmail: 'camille.martin@demo.mutualise.coop', activityCode: 'CAMILLE-GRAPHISME', clientName: 'Boulangerie Les Trois Épis', daysAgo: 2, validForDays: 30,
    lines: [
      { description: 'Étude et pistes graphiques pour les emballages', quantity: 1, unit: 'LS', unitPriceCents: 60_000, vatRateBp: 2000 },
      { description: "Déclinaison sur les formats d'emballage (sacs, boîtes, étiquettes, papier)", quantity: 4, unitPriceCents: 15_000, vatRateBp: 2000 },
    ],
  },
];
