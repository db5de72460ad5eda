import { and, eq, ne } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db, Executor } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { visibleClient } from './client-access.js';
import type { ClientContact, ContactInput, UpdateContactBody } from './contract.js';
import { clientErrors } from './errors.js';
import { clientContacts } from './schema.js';

const ofClient = (coopId: string, clientId: string) => and(eq(clientContacts.coopId, coopId), eq(clientContacts.clientId, clientId));

/** One primary contact: the new primary takes the place of the old one. */
async function clearPrimary(tx: Executor, coopId: string, clientId: string, keepId?: string) {
  const filters = [ofClient(coopId, clientId), eq(clientContacts.isPrimary, true)];
  if (keepId) filters.push(ne(clientContacts.id, keepId));
  await tx.update(clientContacts).set({ isPrimary: false }).where(and(...filters));
}

const audited = ({ coopId: _, clientId: __, ...contact }: typeof clientContacts.$inferSelect) => contact;

/** Adds a contact person; the first one becomes the primary contact. */
export async function addClientContact(db: Db, actor: Actor, clientId: string, input: ContactInput): Promise<ClientContact> {
  return db.transaction(async (tx) => {
    await visibleClient(tx, actor, clientId, { lock: true });
    const primaries = await tx.select({ id: clientContacts.id }).from(clientContacts).where(and(ofClient(actor.coopId, clientId), eq(clientContacts.isPrimary, true)));
    const isPrimary = input.isPrimary === true || primaries.length === 0;
    if (isPrimary) await clearPrimary(tx, actor.coopId, clientId);
    const [row] = await tx
      .insert(clientContacts)
      .values({
        coopId: actor.coopId,
        clientId,
        firstName: input.firstName ?? null,
        lastName: input.lastName,
        role: input.role ?? null,
        email: input.email ?? null,
        phone: input.phone ?? null,
        isPrimary,
      })
      .returning();
    await recordAudit(tx, actor, { action: 'client.contact_added', entityType: 'client', entityId: clientId, after: audited(row) });
    return audited(row);
  });
}

export async function updateClientContact(db: Db, actor: Actor, clientId: string, contactId: string, patch: UpdateContactBody): Promise<ClientContact> {
  return db.transaction(async (tx) => {
    await visibleClient(tx, actor, clientId, { lock: true });
    const [before] = await tx.select().from(clientContacts).where(and(ofClient(actor.coopId, clientId), eq(clientContacts.id, contactId)));
    if (!before) throw clientErrors.CONTACT_NOT_FOUND();
    const next = { ...before, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) };
    if (next.isPrimary) await clearPrimary(tx, actor.coopId, clientId, contactId);
    const [after] = await tx
      .update(clientContacts)
      .set({ firstName: next.firstName, lastName: next.lastName, role: next.role, email: next.email, phone: next.phone, isPrimary: next.isPrimary })
      .where(and(ofClient(actor.coopId, clientId), eq(clientContacts.id, contactId)))
      .returning();
    await recordAudit(tx, actor, { action: 'client.contact_updated', entityType: 'client', entityId: clientId, before: audited(before), after: audited(after) });
    return audited(after);
  });
}

export async function removeClientContact(db: Db, actor: Actor, clientId: string, contactId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await visibleClient(tx, actor, clientId, { lock: true });
    const [before] = await tx.delete(clientContacts).where(and(ofClient(actor.coopId, clientId), eq(clientContacts.id, contactId))).returning();
    if (!before) throw clientErrors.CONTACT_NOT_FOUND();
    await recordAudit(tx, actor, { action: 'client.contact_removed', entityType: 'client', entityId: clientId, before: audited(before) });
  });
}
