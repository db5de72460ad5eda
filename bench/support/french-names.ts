/**
 * Small, deterministic generator of the people, trades and places of a French cooperative:
 * accents included, because the searches under test must find "Étienne" when "eti" is typed.
 */

/** mulberry32: a seeded PRNG, so two runs load the same cooperative. */
export function randomSource(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  const chance = (p: number) => next() < p;
  /** `n` distinct elements of `list`. */
  const sample = <T>(list: readonly T[], n: number): T[] => {
    const copy = [...list];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy.slice(0, Math.min(n, copy.length));
  };
  /** Picks a key of `weights` with the probability of its weight. */
  const weighted = <K extends string>(weights: Record<K, number>): K => {
    const entries = Object.entries(weights) as [K, number][];
    let r = next() * entries.reduce((s, [, w]) => s + w, 0);
    for (const [k, w] of entries) if ((r -= w) < 0) return k;
    return entries[entries.length - 1][0];
  };
  return { next, int, pick, chance, sample, weighted };
}
export type Random = ReturnType<typeof randomSource>;

export const FIRST_NAMES = [
  'Étienne', 'Élodie', 'Hélène', 'Inès', 'Chloé', 'Zoé', 'Noémie', 'Léa', 'Léo', 'Jérôme', 'Frédéric', 'Cédric', 'Amélie',
  'Gaël', 'Maël', 'Anaïs', 'Joël', 'Noël', 'Loïc', 'Benoît', 'François', 'Françoise', 'Agnès', 'Mélanie', 'Sébastien',
  'Stéphane', 'Thérèse', 'Renée', 'Andréa', 'Éric', 'Émilie', 'Raphaël', 'Clément', 'Valérie', 'Célia', 'Aurélie', 'Jérémy',
  'Camille', 'Lucas', 'Hugo', 'Nathalie', 'Julien', 'Sarah', 'Thomas', 'Manon', 'Nicolas', 'Julie', 'Antoine', 'Marie',
  'Pierre', 'Sophie', 'Louis', 'Laura', 'Paul', 'Claire', 'Arthur', 'Juliette', 'Gabriel', 'Louise', 'Mathieu', 'Pauline',
  'Vincent', 'Margaux', 'Alexandre', 'Emma', 'Maxime', 'Jade', 'Romain', 'Lina', 'Adrien', 'Mathilde', 'Baptiste', 'Elsa',
  'Quentin', 'Océane', 'Yannick', 'Solène', 'Gilles', 'Brigitte', 'Yves', 'Sylvie', 'Kévin', 'Laëtitia', 'Aïcha', 'Karim',
  'Mehdi', 'Fatoumata', 'Nguyen', 'Yasmine', 'Rémi', 'Séverine', 'Côme', 'Bérénice',
] as const;

export const LAST_NAMES = [
  'Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Simon', 'Laurent',
  'Lefèvre', 'Michel', 'Garcia', 'David', 'Bertrand', 'Roux', 'Vincent', 'Fournier', 'Morel', 'Girard', 'André', 'Lefebvre',
  'Mercier', 'Dupont', 'Lambert', 'Bonnet', 'François', 'Martínez', 'Légaré', 'Bréhal', 'Chênevert', 'Pélissier', 'Thévenin',
  'Gérard', 'Rémy', 'Ménard', 'Hébert', 'Bézier', 'Guérin', 'Mathéo', 'Béranger', 'Désiré', 'Côté', 'Lévêque', 'Séguin',
  'Faure', 'Rousseau', 'Blanc', 'Guérard', 'Muller', 'Henry', 'Roussel', 'Nicolas', 'Perrin', 'Morin', 'Mathieu', 'Clément',
  'Gauthier', 'Dumont', 'Lopez', 'Fontaine', 'Chevalier', 'Robin', 'Masson', 'Sanchez', 'Noël', 'Boyer', 'Denis', 'Lemaire',
  'Duval', 'Joly', 'Gautier', 'Roger', 'Roche', 'Roy', 'Barbier', 'Arnaud', 'Brun', 'Aubert', 'Giraud', 'Caron', 'Brunet',
  'Bouchard', 'Benoît', 'Huet', 'Lacroix', 'Étienne', 'Évrard', 'Ollivier', 'Pétain-Lagarde', 'Le Gall', 'Le Goff', 'Kerbrat',
  "d'Arcy", 'Saint-Éloi', 'Bellanger', 'Carré', 'Prévost', 'Renaud', 'Schmitt', 'Colin', 'Vidal', 'Collet', 'Hamon',
] as const;

/** A trade and what its practitioners list as skills. */
export const TRADES: readonly { trade: string; pole: string; business: string; skills: readonly string[] }[] = [
  { trade: 'menuisier', pole: 'technical', business: 'Menuiserie', skills: ['menuiserie', 'agencement', 'ébénisterie', 'escaliers'] },
  { trade: 'électricien', pole: 'technical', business: 'Électricité', skills: ['électricité', 'domotique', 'dépannage', 'mise aux normes'] },
  { trade: 'plombier', pole: 'technical', business: 'Plomberie', skills: ['plomberie', 'chauffage', 'sanitaire'] },
  { trade: 'thermicien', pole: 'technical', business: 'Rénovation énergétique', skills: ['isolation', 'thermique', 'audit énergétique', 'formation'] },
  { trade: 'graphiste', pole: 'communication_design', business: 'Graphisme', skills: ['identité visuelle', 'illustration', 'mise en page', 'typographie'] },
  { trade: 'photographe', pole: 'communication_design', business: 'Photographie', skills: ['photographie', 'vidéo', 'retouche', 'reportage'] },
  { trade: 'traductrice', pole: 'communication_design', business: 'Traduction', skills: ['traduction', 'anglais', 'espagnol', 'allemand', 'interprétariat'] },
  { trade: 'rédacteur', pole: 'communication_design', business: 'Rédaction', skills: ['rédaction', 'relecture', 'communication écrite'] },
  { trade: 'développeuse', pole: 'technical', business: 'Développement', skills: ['développement web', 'React', 'accessibilité', 'PHP', 'bases de données'] },
  { trade: 'consultante', pole: 'management_consulting', business: 'Conseil', skills: ['stratégie', 'conduite du changement', 'gouvernance'] },
  { trade: 'chef de projet', pole: 'project_management', business: 'Projets', skills: ['gestion de projet', 'agilité', 'PMO', 'coordination'] },
  { trade: 'comptable', pole: 'internal_optimisation', business: 'Comptabilité', skills: ['comptabilité', 'paie', 'fiscalité', 'gestion'] },
  { trade: 'formateur', pole: 'management_consulting', business: 'Formation', skills: ['formation', 'pédagogie', 'animation', 'e-learning'] },
  { trade: 'consultante marketing', pole: 'marketing', business: 'Marketing', skills: ['marketing digital', 'SEO', 'réseaux sociaux', 'études de marché'] },
  { trade: 'paysagiste', pole: 'technical', business: 'Paysage', skills: ['paysagisme', 'jardinage', 'élagage', 'permaculture'] },
  { trade: 'boulanger', pole: 'technical', business: 'Boulangerie', skills: ['boulangerie', 'pâtisserie', 'viennoiserie'] },
  { trade: 'cuisinière', pole: 'technical', business: 'Traiteur', skills: ['cuisine', 'traiteur', 'hygiène alimentaire'] },
  { trade: 'couturière', pole: 'communication_design', business: 'Couture', skills: ['couture', 'retouche', 'stylisme', 'broderie'] },
  { trade: 'architecte d’intérieur', pole: 'communication_design', business: 'Architecture intérieure', skills: ['architecture intérieure', 'agencement', 'décoration', 'plans 3D'] },
  { trade: 'coach', pole: 'management_consulting', business: 'Accompagnement', skills: ['coaching', 'bilan de compétences', 'médiation'] },
];

export const CITIES: readonly { city: string; postalCode: string }[] = [
  { city: 'Paris', postalCode: '75011' }, { city: 'Lyon', postalCode: '69003' }, { city: 'Saint-Étienne', postalCode: '42000' },
  { city: 'Nîmes', postalCode: '30000' }, { city: 'Besançon', postalCode: '25000' }, { city: 'Orléans', postalCode: '45000' },
  { city: 'Évreux', postalCode: '27000' }, { city: 'Périgueux', postalCode: '24000' }, { city: 'Béziers', postalCode: '34500' },
  { city: 'Nantes', postalCode: '44000' }, { city: 'Rennes', postalCode: '35000' }, { city: 'Brest', postalCode: '29200' },
  { city: 'Lille', postalCode: '59000' }, { city: 'Grenoble', postalCode: '38000' }, { city: 'Clermont-Ferrand', postalCode: '63000' },
  { city: 'Angoulême', postalCode: '16000' }, { city: 'Châteauroux', postalCode: '36000' }, { city: 'Besse-et-Saint-Anastaise', postalCode: '63610' },
  { city: 'Montélimar', postalCode: '26200' }, { city: 'Sète', postalCode: '34200' }, { city: 'Quimper', postalCode: '29000' },
  { city: 'Tulle', postalCode: '19000' }, { city: 'Aurillac', postalCode: '15000' }, { city: 'Mâcon', postalCode: '71000' },
];

export const STREETS = ['rue de la République', 'avenue Jean-Jaurès', 'place de l’Église', 'rue Victor-Hugo', 'boulevard Gambetta', 'chemin des Écoliers', 'rue du Général-Leclerc', 'allée des Tilleuls', 'impasse des Pêcheurs', 'quai de la Fosse'];

/** What company names are made of: a legal form, a kind of business, a family or place name. */
export const LEGAL_FORMS = ['SARL', 'SAS', 'SASU', 'EURL', 'SA', 'SCOP', 'SCIC', 'Association'] as const;
export const BUSINESSES = [
  'Boulangerie', 'Pâtisserie', 'Garage', 'Cabinet', 'Atelier', 'Ébénisterie', 'Imprimerie', 'Librairie', 'Pharmacie', 'Hôtel',
  'Brasserie', 'Crèche', 'Fromagerie', 'Domaine', 'Menuiserie', 'Transports', 'Éditions', 'Agence', 'Clinique vétérinaire', 'Société',
] as const;
export const PUBLIC_BODIES = ['Mairie de', 'Communauté de communes de', 'Office de tourisme de', 'Médiathèque de', 'Collège de', 'Centre social de'] as const;
export const CONTACT_ROLES = ['Gérant', 'Gérante', 'Directrice', 'Directeur administratif', 'Comptable', 'Assistante de direction', 'Responsable des achats', 'Présidente'] as const;

/** Lower-case ASCII of a name, for e-mail addresses. */
export const ascii = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
