import type { Db } from '../platform/db/client.js';
import type { Actor } from '../platform/http/context.js';
import { addDays } from '../platform/calendar/index.js';
import { computePlan, createCochallenge, proposePairs, registerCompany, registerParticipant } from '../modules/cochallenge/index.js';

/** Local companies that agreed to receive pairs: their sector and what they look for. */
const COMPANIES: { name: string; tags: string[]; contactName: string; address: string }[] = [
  { name: 'Boulangerie Les Trois Épis', tags: ['commerce', 'identité visuelle', 'réseaux sociaux'], contactName: 'Martine Garnier', address: '8 place des Terreaux, Lyon 1er' },
  { name: 'Hôtel du Parc', tags: ['tourisme', 'photographie', 'traduction', 'anglais'], contactName: 'Antoine Faure', address: '45 boulevard des Belges, Lyon 6e' },
  { name: 'Imprimerie Rhône Offset', tags: ['industrie', 'mise en page', 'illustration'], contactName: 'Gérard Blanc', address: '12 rue de l’Industrie, Vénissieux' },
  { name: 'Clinique vétérinaire des Pentes', tags: ['santé', 'développement web', 'SEO'], contactName: 'Dr Léa Moreau', address: '30 montée de la Grande-Côte, Lyon 1er' },
  { name: 'Menuiseries Pierre et Fils', tags: ['bâtiment', 'gestion de projet', 'comptabilité'], contactName: 'Julien Pierre', address: '3 chemin des Érables, Vaulx-en-Velin' },
  { name: 'Librairie La Virgule', tags: ['commerce', 'marketing digital', 'réseaux sociaux'], contactName: 'Nadia Benali', address: '5 rue Saint-Jean, Lyon 5e' },
  { name: 'Transports Rhône-Alpes Express', tags: ['industrie', 'data', 'conduite du changement'], contactName: 'Sylvie Perrin', address: '5 rue de l’Industrie, Vénissieux' },
  { name: 'Maison des associations de Villeurbanne', tags: ['associatif', 'formation', 'UX', 'design de service'], contactName: 'Omar Diallo', address: 'Place Lazare Goujon, Villeurbanne' },
];

/** One line a pair says about a member to a company. */
const PITCHES: Record<string, string> = {
  'camille.martin@demo.mutualise.coop': 'Donne une identité visuelle aux commerces de quartier, du logo à la vitrine.',
  'ines.moreau@demo.mutualise.coop': 'Crée des sites rapides et accessibles, que vous mettez à jour vous-même.',
  'chloe.bernard@demo.mutualise.coop': 'Traduit vos menus, contrats et sites en anglais et en espagnol.',
  'nathalie.roux@demo.mutualise.coop': 'Accompagne les dirigeants dans leurs changements d’organisation.',
};

/**
 * The demo's cochallenge, two weeks ahead: eight local companies, the twelve demo members
 * (eight pitchers the planner paired across trades, four presented profiles), and the plan
 * computed, so staff can look at it, recompute it and start the day.
 */
export async function seedDemoCochallenge(ctx: { db: Db; advisor: Actor; today: string; memberIds: Map<string, string> }): Promise<void> {
  const { db, advisor } = ctx;
  const campaign = await createCochallenge(db, advisor, { name: `Cochallenge ${ctx.today.slice(0, 4)}`, day: addDays(ctx.today, 14), goalPromises: 30, startTime: '09:00', meetingMinutes: 30 });
  for (const c of COMPANIES) await registerCompany(db, advisor, campaign.id, { name: c.name, tags: c.tags, contactName: c.contactName, address: c.address, slots: 1 });
  const emails = [...ctx.memberIds.keys()].sort();
  for (const [i, email] of emails.entries()) {
    // The first eight pitch (and are presented by the others), the rest are presented only.
    await registerParticipant(db, advisor, campaign.id, ctx.memberIds.get(email)!, { role: i < 8 ? 'pitcher' : 'profile', pitch: PITCHES[email] ?? null });
  }
  await proposePairs(db, advisor, campaign.id, 2026);
  await computePlan(db, advisor, campaign.id, 2026);
}
