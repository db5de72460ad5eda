import type { Db } from '../platform/db/client.js';
import type { Actor } from '../platform/http/context.js';
import { addSkill, DEFAULT_VISIBILITY, saveMyProfile, updateDirectorySettings, type FieldVisibility } from '../modules/directory/index.js';

/** The coop's vocabulary: the words the editor suggests and the filter offers. */
const VOCABULARY = [
  'Identité visuelle', 'Illustration', 'Mise en page', 'Ébénisterie', 'Menuiserie', 'Agencement', 'Développement web', 'React', 'Accessibilité',
  'Photographie', 'Vidéo', 'Traduction', 'Anglais', 'Espagnol', 'Rénovation énergétique', 'Formation', 'Stratégie', 'Gestion de projet', 'SEO', 'UX design',
];

const members: FieldVisibility = { ...DEFAULT_VISIBILITY, trade: 'members', skills: 'members', poles: 'members', pitch: 'members', links: 'members', city: 'members', availability: 'members', languages: 'members', email: 'members' };
const open: FieldVisibility = { ...members, trade: 'public', skills: 'public', pitch: 'public', links: 'public', city: 'public' };

interface DemoProfile {
  email: string;
  listed: boolean;
  visibility: FieldVisibility;
  trade: string;
  skills: string[];
  poles: string[];
  sectors: string[];
  pitch: string;
  links?: { label: string; url: string }[];
  city: string;
  availability: 'available' | 'partly' | 'unavailable';
  availabilityNote?: string;
  languages: string[];
  phone: string | null;
}

const PROFILES: DemoProfile[] = [
  // Camille shows a lot to the members but keeps her phone to herself (and the staff).
  { email: 'camille.martin@demo.mutualise.coop', listed: true, visibility: { ...open, phone: 'hidden' }, trade: 'Graphiste', skills: ['Identité visuelle', 'Illustration', 'Mise en page', 'Éco-conception'], poles: ['Communication et design'], sectors: ['Associations', 'Culture'], pitch: 'Je dessine des identités sobres et lisibles pour les associations et les PME, du logo à la plaquette.', links: [{ label: 'Portfolio', url: 'https://camille-martin.example' }], city: 'Lyon', availability: 'partly', availabilityNote: 'Deux jours par semaine jusqu’à la fin du mois', languages: ['Français', 'Anglais'], phone: '06 12 34 56 78' },
  { email: 'etienne.lefevre@demo.mutualise.coop', listed: true, visibility: { ...open, phone: 'members' }, trade: 'Ébéniste', skills: ['Ébénisterie', 'Menuiserie', 'Agencement', 'Bois massif'], poles: ['Technique'], sectors: ['Habitat', 'Hôtellerie'], pitch: 'Meubles et agencements sur mesure en bois local, de la cuisine à la bibliothèque.', city: 'Villeurbanne', availability: 'available', languages: ['Français'], phone: '06 22 33 44 55' },
  { email: 'ines.moreau@demo.mutualise.coop', listed: true, visibility: { ...open, phone: 'members' }, trade: 'Développeuse web', skills: ['Développement web', 'React', 'Accessibilité', 'TypeScript'], poles: ['Technique'], sectors: ['Économie sociale et solidaire'], pitch: 'Sites et applications accessibles (RGAA), rapides et faciles à maintenir.', links: [{ label: 'GitHub', url: 'https://github.com/ines-moreau-demo' }], city: 'Lyon', availability: 'available', languages: ['Français', 'Anglais', 'Arabe'], phone: '07 11 22 33 44' },
  { email: 'lucas.bernard@demo.mutualise.coop', listed: false, visibility: { ...members }, trade: 'Photographe', skills: ['Photographie', 'Vidéo', 'Portrait'], poles: ['Communication et design'], sectors: ['Entreprises'], pitch: 'Reportages et portraits pour les entreprises et leurs équipes.', city: 'Lyon', availability: 'available', languages: ['Français'], phone: '06 98 76 54 32' },
  { email: 'chloe.dubois@demo.mutualise.coop', listed: true, visibility: { ...open, languages: 'public' }, trade: 'Traductrice', skills: ['Traduction', 'Anglais', 'Espagnol', 'Traduction juridique'], poles: ['Communication et design'], sectors: ['Juridique', 'Industrie'], pitch: 'Traduction technique et juridique de l’anglais et de l’espagnol vers le français.', city: 'Lyon', availability: 'unavailable', availabilityNote: 'Quitte la coopérative à la fin du mois', languages: ['Français', 'Anglais', 'Espagnol'], phone: '06 45 67 89 01' },
  { email: 'hugo.petit@demo.mutualise.coop', listed: false, visibility: { ...members }, trade: 'Formateur en rénovation énergétique', skills: ['Rénovation énergétique', 'Formation', 'Thermique'], poles: ['Technique'], sectors: ['Collectivités', 'Bâtiment'], pitch: 'Formations pratiques à l’isolation et à la thermique du bâtiment ancien.', city: 'Villeurbanne', availability: 'partly', languages: ['Français'], phone: '06 55 44 33 22' },
  { email: 'nathalie.roux@demo.mutualise.coop', listed: true, visibility: { ...open, phone: 'members' }, trade: 'Consultante en stratégie', skills: ['Stratégie', 'Conduite du changement'], poles: ['Conseil en management'], sectors: ['PME', 'Transport'], pitch: 'J’accompagne les dirigeants de PME dans leurs choix stratégiques et leurs réorganisations.', city: 'Lyon', availability: 'partly', languages: ['Français', 'Allemand'], phone: '06 77 88 99 00' },
  { email: 'julien.fournier@demo.mutualise.coop', listed: false, visibility: { ...members }, trade: 'Chef de projet', skills: ['Gestion de projet', 'Agilité'], poles: ['Gestion de projet'], sectors: ['Numérique'], pitch: 'Je pilote des projets à plusieurs partenaires, du cadrage à la livraison.', city: 'Lyon', availability: 'available', languages: ['Français', 'Anglais'], phone: '06 66 55 44 33' },
  { email: 'sarah.girard@demo.mutualise.coop', listed: true, visibility: { ...open }, trade: 'Consultante marketing', skills: ['SEO', 'Marketing digital', 'Réseaux sociaux'], poles: ['Marketing'], sectors: ['Commerce'], pitch: 'Stratégie de contenu et référencement naturel pour les commerces indépendants.', city: 'Lyon', availability: 'available', languages: ['Français', 'Anglais'], phone: '07 22 33 44 55' },
  { email: 'thomas.bonnet@demo.mutualise.coop', listed: false, visibility: { ...DEFAULT_VISIBILITY, trade: 'members', skills: 'members' }, trade: 'Data scientist', skills: ['Data', 'Python'], poles: [], sectors: [], pitch: '', city: 'Lyon', availability: 'partly', languages: ['Français'], phone: '06 10 20 30 40' },
  { email: 'lea.mercier@demo.mutualise.coop', listed: false, visibility: { ...members }, trade: 'Designer UX', skills: ['UX design', 'Design de service'], poles: ['Communication et design'], sectors: ['Santé'], pitch: 'Je conçois des services numériques avec leurs usagers, par ateliers et prototypes.', city: 'Écully', availability: 'available', languages: ['Français', 'Anglais'], phone: '06 50 60 70 80' },
];

/**
 * The demo's member directory: eleven members' public faces (trades with accents for the
 * accent-insensitive search), a vocabulary of twenty skills (some profiles hold free words
 * staff may promote), Camille's phone hidden, and a public directory at /annuaire/cooperative-demo.
 */
export async function seedDemoDirectory(ctx: { db: Db; admin: Actor; advisor: Actor; memberActor: (email: string) => Actor }): Promise<void> {
  const { db } = ctx;
  for (const label of VOCABULARY) await addSkill(db, ctx.advisor, label);
  for (const p of PROFILES) {
    const { email, ...body } = p;
    await saveMyProfile(db, ctx.memberActor(email), { ...body, links: body.links ?? [], availabilityNote: body.availabilityNote ?? null, pitch: body.pitch || null, email });
  }
  await updateDirectorySettings(db, ctx.admin, { publicDirectory: true, publicSlug: 'cooperative-demo' });
}
