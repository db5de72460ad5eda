import { and, count, eq, exists, isNull } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { whereInScope, type ActivityScope } from '../activities/index.js';
import { linkedTo } from './client-access.js';
import { clients } from './schema.js';

/** Clients not archived that a scope sees (the cooperative's by default). */
export async function countClients(db: Executor, coopId: string, scope: ActivityScope = 'all'): Promise<number> {
  const visible = whereInScope(scope, eq(clients.coopId, coopId), (ids) => exists(linkedTo(db, coopId, ids)));
  if (!visible) return 0;
  const [row] = await db.select({ total: count() }).from(clients).where(and(visible, isNull(clients.archivedAt)));
  return row?.total ?? 0;
}
