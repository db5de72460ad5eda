import type { NewClient } from '../clients/index.js';
import type { MemberStatus } from '../members/index.js';

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
    company: { name: 'NR Conseil SARL', siret: '81234567600017' }, path: [{ to: 'active', afterDays: 7 }],
    activity: { code: 'NR-CONSEIL', name: 'NR Conseil', description: 'Accompagnement stratégique des PME.' },
  }),
  m({
    firstName: 'Julien', lastName: 'Fournier', type: 'independent', phone: '06 66 55 44 33', pole: 'project_management',
    skills: ['gestion de projet', 'agilité', 'PMO'], trades: ['chef de projet'], joinedDaysAgo: 950,
    company: { name: 'JF Projets EURL', siret: '79845612500011' }, path: [{ to: 'active', afterDays: 5 }, { to: 'associate', afterDays: 400 }],
    activity: { code: 'JF-PROJETS', name: 'JF Projets', description: 'Direction de projets multi-partenaires.' },
  }),
  m({
    firstName: 'Sarah', lastName: 'Girard', type: 'independent', phone: '07 22 33 44 55', pole: 'marketing',
    skills: ['marketing digital', 'SEO', 'réseaux sociaux'], trades: ['consultante marketing'], joinedDaysAgo: 200,
    company: { name: 'Girard Marketing SAS', siret: '84512378500014' }, path: [{ to: 'active', afterDays: 10 }],
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
