import { and, eq, inArray } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { visibleClient } from './client-access.js';
import type { Client } from './contract.js';
import { assertActivityOpen } from './create-client.js';
import { getClient } from './get-client.js';
import { clientActivities } from './schema.js';

/**
 * Sets which activities work with a client (advisors and admins): the members holding them
 * see the client. Links to a closed activity may stay; new ones must be to an open activity.
 */
export async function linkClientActivities(db: Db, actor: Actor, clientId: string, activityIds: string[]): Promise<Client> {
  const wanted = [...new Set(activityIds)];
  await db.transaction(async (tx) => {
    await visibleClient(tx, actor, clientId, { lock: true });
    const ofClient = and(eq(clientActivities.coopId, actor.coopId), eq(clientActivities.clientId, clientId));
    const before = (await tx.select({ id: clientActivities.activityId }).from(clientActivities).where(ofClient)).map((r) => r.id).sort();
    const added = wanted.filter((id) => !before.includes(id));
    const removed = before.filter((id) => !wanted.includes(id));
    if (added.length === 0 && removed.length === 0) return;
    await assertActivityOpen(tx, actor.coopId, added, 'activityIds');
    if (removed.length) await tx.delete(clientActivities).where(and(ofClient, inArray(clientActivities.activityId, removed)));
    if (added.length) await tx.insert(clientActivities).values(added.map((activityId) => ({ coopId: actor.coopId, clientId, activityId })));
    await recordAudit(tx, actor, {
      action: 'client.activities_changed',
      entityType: 'client',
      entityId: clientId,
      before: { activityIds: before },
      after: { activityIds: [...wanted].sort() },
    });
  });
  return getClient(db, actor, clientId);
}
