import type { Db } from '../../src/platform/db/client.js';
import type { Actor } from '../../src/platform/http/context.js';
import { createActivity } from '../../src/modules/activities/index.js';
import { createClient } from '../../src/modules/clients/index.js';
import type { NewInvoice } from '../../src/modules/invoicing/contract.js';
import { insertMember } from './activity-fixtures.js';
import { createTestCoop, sirenFor, siretFor } from './fixtures.js';
import { setUpLedger } from './ledger-fixtures.js';

let counter = 0;

export const actorFor = (coopId: string, userId: string, roles: Actor['roles']): Actor => ({ coopId, userId, roles, ip: '127.0.0.1', locale: 'fr' });

/**
 * A cooperative ready to invoice: its ledger, the member account holding an activity,
 * another member's activity, a complete company client and a client without an address, both
 * working with the member's activity.
 */
export async function createInvoicingCoop(db: Db, label: string) {
  const coop = await createTestCoop(db, label);
  await setUpLedger(db, coop.id);
  const system = { coopId: coop.id, userId: coop.admin.id };
  const member = await insertMember(db, coop.id, { firstName: 'Mia', lastName: 'Member', userId: coop.member.id });
  const other = await insertMember(db, coop.id, { firstName: 'Oscar', lastName: 'Other' });
  const n = ++counter + Math.floor(Math.random() * 100_000);
  const siren = sirenFor(n * 104_729 + 17);
  return db.transaction(async (tx) => {
    const activity = await createActivity(tx, system, { name: `Atelier Mia ${n}`, holders: [{ memberId: member.id, shareBp: 10_000 }] });
    const otherActivity = await createActivity(tx, system, { name: `Studio Oscar ${n}`, holders: [{ memberId: other.id, shareBp: 10_000 }] });
    const client = await createClient(tx, system, {
      kind: 'company',
      name: 'Boulangerie du Parc',
      // Works with the member's activity: a member names on her documents only the clients she sees.
      activityId: activity.id,
      siren,
      siret: siretFor(siren),
      addresses: [{ kind: 'billing', line1: '4 place du Marché', postalCode: '69003', city: 'Lyon', country: 'FR', isDefault: true }],
    });
    const clientWithoutAddress = await createClient(tx, system, { kind: 'individual', name: 'Jean Sansadresse', activityId: activity.id });
    return {
      coop,
      activityId: activity.id,
      otherActivityId: otherActivity.id,
      clientId: client.id,
      clientWithoutAddressId: clientWithoutAddress.id,
      staff: actorFor(coop.id, coop.staff.id, ['staff']),
      memberActor: actorFor(coop.id, coop.member.id, ['member']),
    };
  });
}

/** A draft of two days of work at 500 € and a 5.5 % book, for the given activity and client. */
export function draftOf(activityId: string, clientId: string, overrides: Partial<NewInvoice> = {}): NewInvoice {
  return {
    kind: 'invoice',
    activityId,
    clientId,
    serviceDate: '2026-06-10',
    operationCategory: 'services',
    lines: [
      { description: 'Accompagnement (jours)', quantityMilli: 2000, unit: 'DAY', unitPriceCents: 50_000, vatCategory: 'S', vatRateBp: 2000 },
      { description: 'Livre', quantityMilli: 1000, unit: 'C62', unitPriceCents: 2000, vatCategory: 'S', vatRateBp: 550, discountBp: 1000 },
    ],
    ...overrides,
  };
}
