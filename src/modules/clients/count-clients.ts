import { and, count, eq, exists, isNull } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { activityIdsOfMember } from '../activities/index.js';
import { linkedTo } from './client-access.js';
import { clients } from './schema.js';

/** Clients not archived, of the cooperative or of the activities one member holds. */
export async function countClients(db: Executor, coopId: string, memberId?: string): Promise<number> {
  const filters = [eq(clients.coopId, coopId), isNull(clients.archivedAt)];
  if (memberId) {
    const activityIds = await activityIdsOfMember(db, coopId, memberId);
    if (activityIds.length === 0) return 0;
    filters.push(exists(linkedTo(db, coopId, activityIds)));
  }
  const [row] = await db.select({ total: count() }).from(clients).where(and(...filters));
  return row?.total ?? 0;
}
