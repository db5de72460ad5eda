import type { Db } from '../../src/platform/db/client.js';
import { createClient } from '../../src/modules/clients/index.js';
import { createDraftInvoice, getInvoice, validateInvoice } from '../../src/modules/invoicing/index.js';
import { createInvoicingCoop, draftOf } from './invoicing-db-fixtures.js';

/** Issued on this day, so due a month later; payments fall in the test coop's fiscal year 2026. */
export const ISSUE_DAY = '2026-06-20';

/**
 * A coop ready to collect: the invoicing coop, a second client, and helpers to issue an
 * invoice of 1,218.99 € (the standard draft) or of a chosen net amount at 20 % VAT.
 */
export async function createPaymentsCoop(db: Db, label: string) {
  const f = await createInvoicingCoop(db, label);
  const otherClient = await createClient(db, { coopId: f.coop.id, userId: f.coop.admin.id }, {
    kind: 'individual',
    name: 'Pierre Lefèvre',
    addresses: [{ kind: 'billing', line1: '12 rue de Brest', postalCode: '35000', city: 'Rennes', country: 'FR', isDefault: true }],
  });
  async function issueInvoice(opts: { clientId?: string; activityId?: string; netCents?: number; day?: string } = {}) {
    const clientId = opts.clientId ?? f.clientId;
    const activityId = opts.activityId ?? f.activityId;
    const draft = await createDraftInvoice(
      db,
      f.staff,
      opts.netCents === undefined
        ? draftOf(activityId, clientId)
        : draftOf(activityId, clientId, {
            lines: [{ description: 'Prestation', quantityMilli: 1000, unit: 'C62', unitPriceCents: opts.netCents, vatCategory: 'S', vatRateBp: 2000 }],
          }),
    );
    const { number } = await validateInvoice(db, f.staff, draft.id, opts.day ?? ISSUE_DAY);
    const { grossCents } = await getInvoice(db, f.staff, draft.id);
    return { id: draft.id, number, grossCents };
  }
  return { ...f, otherClientId: otherClient.id, issueInvoice };
}
