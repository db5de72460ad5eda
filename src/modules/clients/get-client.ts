import { and, asc, desc, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { activityScopeOf, type Viewer } from '../activities/index.js';
import { visibleClients } from './client-access.js';
import { linkedActivitiesOf } from './client-activities-view.js';
import type { Client } from './contract.js';
import { clientErrors } from './errors.js';
import { clientAddresses, clientContacts, clients } from './schema.js';

/** A client with its addresses, contacts and the activities working with it. */
export async function getClient(db: Executor, viewer: Viewer, id: string): Promise<Client> {
  const scope = await activityScopeOf(db, viewer);
  const visible = visibleClients(db, viewer.coopId, scope);
  if (!visible) throw clientErrors.CLIENT_NOT_FOUND();
  const [row] = await db.select().from(clients).where(and(visible, eq(clients.id, id)));
  if (!row) throw clientErrors.CLIENT_NOT_FOUND();
  const ofClient = <T extends typeof clientAddresses | typeof clientContacts>(t: T) => and(eq(t.coopId, viewer.coopId), eq(t.clientId, id));
  const addresses = await db
    .select()
    .from(clientAddresses)
    .where(ofClient(clientAddresses))
    .orderBy(asc(clientAddresses.kind), desc(clientAddresses.isDefault), asc(clientAddresses.city), asc(clientAddresses.id));
  const contacts = await db
    .select()
    .from(clientContacts)
    .where(ofClient(clientContacts))
    .orderBy(desc(clientContacts.isPrimary), asc(clientContacts.lastName), asc(clientContacts.id));
  const activities = await linkedActivitiesOf(db, viewer.coopId, [id], scope);
  return { ...row, addresses, contacts, activities: activities.get(id) ?? [] };
}
