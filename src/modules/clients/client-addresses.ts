import { and, eq, ne } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db, Executor } from '../../platform/db/client.js';
import { invalidField } from '../../platform/errors.js';
import type { Actor } from '../../platform/http/context.js';
import { visibleClient } from './client-access.js';
import type { AddressInput, ClientAddress, UpdateAddressBody } from './contract.js';
import { postalCodeProblem, type AddressKind } from './domain/address-rules.js';
import { clientErrors } from './errors.js';
import { clientAddresses } from './schema.js';

const ofClient = (coopId: string, clientId: string) => and(eq(clientAddresses.coopId, coopId), eq(clientAddresses.clientId, clientId));

function assertPostalCode(country: string, postalCode: string) {
  const problem = postalCodeProblem(country, postalCode);
  if (problem) throw invalidField('postalCode', problem);
}

/** One default address per kind: the new default takes the place of the old one. */
async function clearDefault(tx: Executor, coopId: string, clientId: string, kind: AddressKind, keepId?: string) {
  const filters = [ofClient(coopId, clientId), eq(clientAddresses.kind, kind), eq(clientAddresses.isDefault, true)];
  if (keepId) filters.push(ne(clientAddresses.id, keepId));
  await tx.update(clientAddresses).set({ isDefault: false }).where(and(...filters));
}

async function hasDefault(tx: Executor, coopId: string, clientId: string, kind: AddressKind) {
  const rows = await tx
    .select({ id: clientAddresses.id })
    .from(clientAddresses)
    .where(and(ofClient(coopId, clientId), eq(clientAddresses.kind, kind), eq(clientAddresses.isDefault, true)));
  return rows.length > 0;
}

const audited = ({ coopId: _, clientId: __, ...address }: typeof clientAddresses.$inferSelect) => address;

/** Adds an address; the first of its kind becomes the default one. */
export async function addClientAddress(db: Db, actor: Actor, clientId: string, input: AddressInput): Promise<ClientAddress> {
  const country = input.country ?? 'FR';
  assertPostalCode(country, input.postalCode);
  return db.transaction(async (tx) => {
    await visibleClient(tx, actor, clientId, { lock: true });
    const isDefault = input.isDefault === true || !(await hasDefault(tx, actor.coopId, clientId, input.kind));
    if (isDefault) await clearDefault(tx, actor.coopId, clientId, input.kind);
    const [row] = await tx
      .insert(clientAddresses)
      .values({ coopId: actor.coopId, clientId, ...input, line2: input.line2 ?? null, country, isDefault })
      .returning();
    await recordAudit(tx, actor, { action: 'client.address_added', entityType: 'client', entityId: clientId, after: audited(row) });
    return audited(row);
  });
}

export async function updateClientAddress(db: Db, actor: Actor, clientId: string, addressId: string, patch: UpdateAddressBody): Promise<ClientAddress> {
  return db.transaction(async (tx) => {
    await visibleClient(tx, actor, clientId, { lock: true });
    const [before] = await tx.select().from(clientAddresses).where(and(ofClient(actor.coopId, clientId), eq(clientAddresses.id, addressId)));
    if (!before) throw clientErrors.ADDRESS_NOT_FOUND();
    const next = { ...before, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) };
    assertPostalCode(next.country, next.postalCode);
    if (next.isDefault) await clearDefault(tx, actor.coopId, clientId, next.kind, addressId);
    const [after] = await tx
      .update(clientAddresses)
      .set({ kind: next.kind, line1: next.line1, line2: next.line2, postalCode: next.postalCode, city: next.city, country: next.country, isDefault: next.isDefault })
      .where(and(ofClient(actor.coopId, clientId), eq(clientAddresses.id, addressId)))
      .returning();
    await recordAudit(tx, actor, { action: 'client.address_updated', entityType: 'client', entityId: clientId, before: audited(before), after: audited(after) });
    return audited(after);
  });
}

export async function removeClientAddress(db: Db, actor: Actor, clientId: string, addressId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await visibleClient(tx, actor, clientId, { lock: true });
    const [before] = await tx.delete(clientAddresses).where(and(ofClient(actor.coopId, clientId), eq(clientAddresses.id, addressId))).returning();
    if (!before) throw clientErrors.ADDRESS_NOT_FOUND();
    await recordAudit(tx, actor, { action: 'client.address_removed', entityType: 'client', entityId: clientId, before: audited(before) });
  });
}
