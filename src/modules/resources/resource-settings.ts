import { eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db, Executor } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { resourceSettings } from './schema.js';

export async function getResourceSettings(db: Executor, coopId: string): Promise<{ hideBookerNames: boolean }> {
  const [row] = await db.select({ hideBookerNames: resourceSettings.hideBookerNames }).from(resourceSettings).where(eq(resourceSettings.coopId, coopId));
  return row ?? { hideBookerNames: false };
}

export async function updateResourceSettings(db: Db, actor: Actor, body: { hideBookerNames: boolean }): Promise<{ hideBookerNames: boolean }> {
  return db.transaction(async (tx) => {
    const before = await getResourceSettings(tx, actor.coopId);
    await tx
      .insert(resourceSettings)
      .values({ coopId: actor.coopId, hideBookerNames: body.hideBookerNames })
      .onConflictDoUpdate({ target: resourceSettings.coopId, set: { hideBookerNames: body.hideBookerNames, updatedAt: new Date() } });
    await recordAudit(tx, actor, { action: 'resource_settings.update', entityType: 'resource_settings', entityId: actor.coopId, before, after: body });
    return body;
  });
}
