import { deflateSync } from 'node:zlib';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import type { Db } from '../platform/db/client.js';
import type { FileStorage } from '../platform/files/storage.js';
import type { Actor } from '../platform/http/context.js';
import { addSkill, DEFAULT_VISIBILITY, saveMyProfile, updateDirectorySettings, uploadProfileFile, type FieldVisibility } from '../modules/directory/index.js';

/** A small portrait placeholder (a light silhouette on a coloured ground), drawn in code: the demo ships no images. */
function portraitPng(ground: [number, number, number]): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const size = 96;
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.writeUInt8(8, 8); // bit depth
  ihdr.writeUInt8(2, 9); // RGB
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 3);
    for (let x = 0; x < size; x++) {
      const head = (x - 48) ** 2 + (y - 38) ** 2 < 17 ** 2;
      const shoulders = y > 64 && (x - 48) ** 2 / 34 ** 2 + (y - 100) ** 2 / 36 ** 2 < 1;
      const [r, g, b] = head || shoulders ? [245, 240, 232] : ground;
      row.set([r, g, b], 1 + x * 3);
    }
    rows.push(row);
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}

/** Camille's book: one page presenting three projects (the standard font, WinAnsi text only). */
async function bookPdf(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const page = pdf.addPage([595, 842]);
  page.drawText('Camille Martin - Graphiste', { x: 50, y: 780, size: 20, font: bold, color: rgb(0.05, 0.45, 0.4) });
  page.drawText('Book 2026 : identites visuelles et editions', { x: 50, y: 750, size: 12, font });
  const projects = [
    ['Festival Lumieres du Rhone', 'Identite visuelle, affiches et programme (association culturelle, Lyon)'],
    ['Epicerie La Fourmi', 'Logo, enseigne et etiquettes eco-concues'],
    ['Maison des familles de Vaise', "Rapport d'activite illustre, 24 pages"],
  ];
  projects.forEach(([title, text], i) => {
    page.drawText(title!, { x: 50, y: 690 - i * 70, size: 14, font: bold });
    page.drawText(text!, { x: 50, y: 670 - i * 70, size: 11, font });
  });
  return Buffer.from(await pdf.save());
}

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
  { email: 'camille.martin@demo.mutualise.coop', listed: true, visibility: { ...open, phone: 'hidden', photo: 'public' }, trade: 'Graphiste', skills: ['Identité visuelle', 'Illustration', 'Mise en page', 'Éco-conception'], poles: ['Communication et design'], sectors: ['Associations', 'Culture'], pitch: 'Je dessine des identités sobres et lisibles pour les associations et les PME, du logo à la plaquette.', links: [{ label: 'Portfolio', url: 'https://camille-martin.example' }], city: 'Lyon', availability: 'partly', availabilityNote: 'Deux jours par semaine jusqu’à la fin du mois', languages: ['Français', 'Anglais'], phone: '06 12 34 56 78' },
  { email: 'etienne.lefevre@demo.mutualise.coop', listed: true, visibility: { ...open, phone: 'members' }, trade: 'Ébéniste', skills: ['Ébénisterie', 'Menuiserie', 'Agencement', 'Bois massif'], poles: ['Technique'], sectors: ['Habitat', 'Hôtellerie'], pitch: 'Meubles et agencements sur mesure en bois local, de la cuisine à la bibliothèque.', city: 'Villeurbanne', availability: 'available', languages: ['Français'], phone: '06 22 33 44 55' },
  { email: 'ines.moreau@demo.mutualise.coop', listed: true, visibility: { ...open, phone: 'members', photo: 'public' }, trade: 'Développeuse web', skills: ['Développement web', 'React', 'Accessibilité', 'TypeScript'], poles: ['Technique'], sectors: ['Économie sociale et solidaire'], pitch: 'Sites et applications accessibles (RGAA), rapides et faciles à maintenir.', links: [{ label: 'GitHub', url: 'https://github.com/ines-moreau-demo' }], city: 'Lyon', availability: 'available', languages: ['Français', 'Anglais', 'Arabe'], phone: '07 11 22 33 44' },
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
 * With a storage (the full demo): Camille and Inès show a photo to anyone, and Camille her book
 * (a public PDF) beside a case study kept for the members.
 */
export async function seedDemoDirectory(ctx: { db: Db; storage?: FileStorage; admin: Actor; advisor: Actor; memberActor: (email: string) => Actor; memberIds: Map<string, string> }): Promise<void> {
  const { db } = ctx;
  for (const label of VOCABULARY) await addSkill(db, ctx.advisor, label);
  for (const p of PROFILES) {
    const { email, ...body } = p;
    await saveMyProfile(db, ctx.memberActor(email), { ...body, links: body.links ?? [], availabilityNote: body.availabilityNote ?? null, pitch: body.pitch || null, email });
  }
  await updateDirectorySettings(db, ctx.admin, { publicDirectory: true, publicSlug: 'cooperative-demo' });
  if (!ctx.storage) return;
  const MAX = 10 * 1024 * 1024;
  const camille = 'camille.martin@demo.mutualise.coop';
  const ines = 'ines.moreau@demo.mutualise.coop';
  const upload = (email: string, kind: 'photo' | 'portfolio', visibility: 'hidden' | 'members' | 'public', fileName: string, bytes: Buffer, contentType: string) =>
    uploadProfileFile(db, ctx.storage!, ctx.memberActor(email), ctx.memberIds.get(email)!, kind, visibility, { fileName, contentType, bytes }, MAX);
  await upload(camille, 'photo', 'hidden', 'camille.png', portraitPng([13, 148, 136]), 'image/png');
  await upload(ines, 'photo', 'hidden', 'ines.png', portraitPng([99, 102, 241]), 'image/png');
  const book = await bookPdf();
  await upload(camille, 'portfolio', 'public', 'Book Camille Martin 2026.pdf', book, 'application/pdf');
  await upload(camille, 'portfolio', 'members', 'Étude de cas - Festival Lumières du Rhône.pdf', book, 'application/pdf');
}
