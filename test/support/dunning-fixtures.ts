import type { Db } from '../../src/platform/db/client.js';
import { createClient } from '../../src/modules/clients/index.js';
import { createPaymentsCoop } from './payments-fixtures.js';
import { sirenFor, siretFor } from './fixtures.js';

let counter = 0;

/**
 * A coop with overdue invoices to chase: the payments coop (its invoices are issued on
 * 2026-06-20 and due on 2026-07-20) plus a company client with an e-mail address to mail.
 */
export async function createDunningCoop(db: Db, label: string) {
  const f = await createPaymentsCoop(db, label);
  const n = ++counter + Math.floor(Math.random() * 100_000);
  const siren = sirenFor(n * 7_877 + 3);
  const payer = await createClient(db, { coopId: f.coop.id, userId: f.coop.admin.id }, {
    kind: 'company',
    name: 'Menuiserie Lenoir',
    siren,
    siret: siretFor(siren),
    email: `compta-${n}@lenoir.test`,
    addresses: [{ kind: 'billing', line1: '8 rue des Tanneurs', postalCode: '67000', city: 'Strasbourg', country: 'FR', isDefault: true }],
  });
  return {
    ...f,
    payerId: payer.id,
    payerEmail: `compta-${n}@lenoir.test`,
    payerSiren: siren,
    /** An invoice of 1,218.99 € to the client with an e-mail address, due on 2026-07-20. */
    issueToPayer: (opts: { netCents?: number } = {}) => f.issueInvoice({ clientId: payer.id, ...opts }),
  };
}
