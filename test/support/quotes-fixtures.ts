import { addDays, todayFromClock } from '../../src/platform/calendar/index.js';
import type { Db } from '../../src/platform/db/client.js';
import { createClient } from '../../src/modules/clients/index.js';
import type { CreateQuoteBody } from '../../src/modules/quotes/contract.js';
import { createInvoicingCoop } from './invoicing-db-fixtures.js';

let counter = 0;

/**
 * A cooperative ready to quote: everything `createInvoicingCoop` gives (the member's activity,
 * another member's activity, clients) plus a client with an e-mail address to send quotes to.
 */
export async function createQuotingCoop(db: Db, label: string) {
  const f = await createInvoicingCoop(db, label);
  const n = ++counter + Math.floor(Math.random() * 100_000);
  const clientEmail = `achats-${n}@client-${label}.test`;
  const { id: mailedClientId } = await createClient(db, { coopId: f.coop.id, userId: f.coop.admin.id }, {
    kind: 'company',
    name: `Librairie des Canuts ${n}`,
    email: clientEmail,
    activityId: f.activityId,
    addresses: [{ kind: 'billing', line1: '8 rue Royale', postalCode: '69001', city: 'Lyon', country: 'FR', isDefault: true }],
  });
  return { ...f, mailedClientId, clientEmail };
}

/** A date `days` after (or before) today, in Paris, as the server's `today` sees it. */
export function dayFromToday(days: number): string {
  return addDays(todayFromClock(), days);
}

/**
 * Two lots of work: days of workshops with a 10 % discount and mock-ups by the hour at 20 %,
 * printed booklets at 5.5 %, transport at 10 %, and a training exempt of VAT.
 * Net 2 147,77 €, VAT 247,05 €, total 2 394,82 €.
 */
export function quoteOf(activityId: string, clientId: string, overrides: Partial<CreateQuoteBody> = {}): CreateQuoteBody {
  return {
    activityId,
    clientId,
    validUntil: dayFromToday(30),
    notes: 'Démarrage sous quinze jours après accord.',
    lines: [
      { sectionTitle: 'Lot 1 — Conception', description: 'Ateliers de cadrage', quantityMilli: 2500, unit: 'DAY', unitPriceCents: 45_000, discountBp: 1000, vatCategory: 'S', vatRateBp: 2000 },
      { description: 'Maquettes', quantityMilli: 1125, unit: 'HUR', unitPriceCents: 8000, vatCategory: 'S', vatRateBp: 2000 },
      { sectionTitle: 'Lot 2 — Édition', description: 'Livret imprimé', quantityMilli: 120_000, unit: 'C62', unitPriceCents: 333, vatCategory: 'S', vatRateBp: 550 },
      { description: 'Transport', quantityMilli: 1000, unit: 'LS', unitPriceCents: 4567, vatCategory: 'S', vatRateBp: 1000 },
      { description: 'Formation des équipes', quantityMilli: 1000, unit: 'DAY', unitPriceCents: 60_000, vatCategory: 'E', vatRateBp: 0, exemptionReason: 'Exonération de TVA, art. 261-4-4° a du CGI' },
    ],
    ...overrides,
  };
}

export const QUOTE_TOTALS = { netCents: 214_777, vatCents: 24_705, grossCents: 239_482 };
