import { and, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { visibleClient } from './client-access.js';
import type { Client, UpdateClientBody } from './contract.js';
import { derivedVatNumber } from './domain/client-identity.js';
import { clientErrors } from './errors.js';
import { getClient } from './get-client.js';
import { asIdentityViolation, identityOrThrow } from './identity-fields.js';
import { clients, type ClientRow } from './schema.js';

const pick = <K extends keyof UpdateClientBody & keyof ClientRow>(patch: UpdateClientBody, before: ClientRow, key: K) =>
  (patch[key] === undefined ? before[key] : patch[key]) as ClientRow[K];

/** Changes who a client is or how to reach them; the identity rules apply to the result. */
export async function updateClient(db: Db, actor: Actor, id: string, patch: UpdateClientBody): Promise<Client> {
  await db
    .transaction(async (tx) => {
      const before = await visibleClient(tx, actor, id, { lock: true });
      const siren = pick(patch, before, 'siren');
      // A VAT number that was only derived from the old SIREN follows the new one.
      const wasDerived = before.vatNumber !== null && before.vatNumber === derivedVatNumber(before.siren);
      const vatNumber = patch.vatNumber !== undefined ? patch.vatNumber : wasDerived && siren !== before.siren ? null : before.vatNumber;
      // A directory address that was only the SIREN is derived again from the SIREN it ends up with (none for an individual).
      const addressWasDerived = before.electronicAddress !== null && before.electronicAddress === before.siren;
      const electronicAddress = patch.electronicAddress !== undefined ? patch.electronicAddress : addressWasDerived ? null : before.electronicAddress;
      const identity = identityOrThrow({
        kind: pick(patch, before, 'kind'),
        legalForm: pick(patch, before, 'legalForm'),
        siren,
        siret: pick(patch, before, 'siret'),
        vatNumber,
        electronicAddress,
      });
      const [after] = await tx
        .update(clients)
        .set({
          ...identity,
          name: pick(patch, before, 'name'),
          email: pick(patch, before, 'email'),
          phone: pick(patch, before, 'phone'),
          website: pick(patch, before, 'website'),
          notes: pick(patch, before, 'notes'),
          updatedAt: new Date(),
        })
        .where(and(eq(clients.coopId, actor.coopId), eq(clients.id, id)))
        .returning();
      await recordAudit(tx, actor, { action: 'client.updated', entityType: 'client', entityId: id, before, after });
    })
    .catch((err: unknown) => {
      throw asIdentityViolation(err);
    });
  return getClient(db, actor, id);
}

/**
 * Archives a client: it leaves the lists and pickers but stays, because quotes and issued
 * invoices keep pointing to it (an invoice is never changed or deleted).
 */
export async function archiveClient(db: Db, actor: Actor, id: string, archived: boolean): Promise<Client> {
  await db.transaction(async (tx) => {
    const before = await visibleClient(tx, actor, id, { lock: true });
    if ((before.archivedAt !== null) === archived) return;
    const [after] = await tx
      .update(clients)
      .set({ archivedAt: archived ? new Date() : null, updatedAt: new Date() })
      .where(and(eq(clients.coopId, actor.coopId), eq(clients.id, id), archived ? isNull(clients.archivedAt) : undefined))
      .returning();
    if (!after) throw clientErrors.CLIENT_NOT_FOUND();
    await recordAudit(tx, actor, {
      action: archived ? 'client.archived' : 'client.restored',
      entityType: 'client',
      entityId: id,
      before: { archivedAt: before.archivedAt },
      after: { archivedAt: after.archivedAt },
    });
  });
  return getClient(db, actor, id);
}
