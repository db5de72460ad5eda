import { and, eq, exists, inArray, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { activityScopeOf, whereInScope, type ActivityScope, type Viewer } from '../activities/index.js';
import { clientErrors } from './errors.js';
import { clientActivities, clients, type ClientRow } from './schema.js';

export type { Viewer };

/**
 * The clients a scope sees, as a condition on `clients`; null when it sees none. A member sees
 * a client only when it works with one of their activities, because the cooperative, not the
 * member, is the client's counterpart and other members' business stays theirs.
 */
export function visibleClients(db: Executor, coopId: string, scope: ActivityScope): SQL | null {
  return whereInScope(scope, eq(clients.coopId, coopId), (ids) => exists(linkedTo(db, coopId, ids)));
}

/** A link of the current `clients` row to one of `activityIds` (a correlated subquery). */
export function linkedTo(db: Executor, coopId: string, activityIds: string[]) {
  return db
    .select({ one: clientActivities.activityId })
    .from(clientActivities)
    .where(and(eq(clientActivities.coopId, coopId), eq(clientActivities.clientId, clients.id), inArray(clientActivities.activityId, activityIds)));
}

/**
 * Whether a scope sees the client, by the rule of `visibleClients`: other modules ask it before
 * naming a client on a document, so a member cannot print the address and SIREN of a client
 * the client pages hide from her.
 */
export async function isClientInScope(db: Executor, coopId: string, scope: ActivityScope, clientId: string): Promise<boolean> {
  const visible = visibleClients(db, coopId, scope);
  if (!visible) return false;
  const [row] = await db.select({ id: clients.id }).from(clients).where(and(visible, eq(clients.id, clientId)));
  return row !== undefined;
}

/**
 * The client if the person may see it, locked for the rest of the transaction when
 * `lock` (sub-resource writes take turns on their client). 404 otherwise, whether it
 * belongs to another cooperative or to other members.
 */
export async function visibleClient(db: Executor, viewer: Viewer, clientId: string, opts: { lock?: boolean } = {}): Promise<ClientRow> {
  const visible = visibleClients(db, viewer.coopId, await activityScopeOf(db, viewer));
  if (!visible) throw clientErrors.CLIENT_NOT_FOUND();
  const query = db.select().from(clients).where(and(visible, eq(clients.id, clientId)));
  const [row] = opts.lock ? await query.for('update', { of: clients }) : await query;
  if (!row) throw clientErrors.CLIENT_NOT_FOUND();
  return row;
}
