import { eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db, Executor } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import type { DirectorySettingsView } from './contract.js';
import { directoryErrors } from './errors.js';
import { directorySettings } from './schema.js';

const OFF: DirectorySettingsView = { publicDirectory: false, publicSlug: null };

/** Whether the coop publishes its directory (no row: it does not). */
export async function getDirectorySettings(db: Executor, coopId: string): Promise<DirectorySettingsView> {
  const [row] = await db.select().from(directorySettings).where(eq(directorySettings.coopId, coopId));
  return row ? { publicDirectory: row.publicDirectory, publicSlug: row.publicSlug } : OFF;
}

/**
 * Publish or withdraw the public directory. Audited: it decides whether what members marked
 * public is shown to anyone on the internet. The address is unique across the instance (the
 * unique key decides between two coops choosing it at once).
 */
export async function updateDirectorySettings(db: Db, actor: Actor, body: DirectorySettingsView): Promise<DirectorySettingsView> {
  try {
    return await db.transaction(async (tx) => {
      const before = await getDirectorySettings(tx, actor.coopId);
      await tx
        .insert(directorySettings)
        .values({ coopId: actor.coopId, ...body })
        .onConflictDoUpdate({ target: directorySettings.coopId, set: { ...body, updatedAt: new Date() } });
      await recordAudit(tx, actor, { action: 'directory.settings_changed', entityType: 'directory_settings', entityId: actor.coopId, before: { ...before }, after: { ...body } });
      return body;
    });
  } catch (err) {
    const e = err as { code?: string; cause?: { code?: string } };
    if ((e.code ?? e.cause?.code) === '23505') throw directoryErrors.SLUG_TAKEN();
    throw err;
  }
}

/** The coop a public address opens, only while it publishes its directory; otherwise the one 404. */
export async function publishedCoopOf(db: Executor, slug: string): Promise<string> {
  const [row] = await db.select({ coopId: directorySettings.coopId, published: directorySettings.publicDirectory }).from(directorySettings).where(eq(directorySettings.publicSlug, slug.toLowerCase()));
  if (!row?.published) throw directoryErrors.DIRECTORY_NOT_FOUND();
  return row.coopId;
}
