import { and, asc, eq } from 'drizzle-orm';
import type { Db, Executor } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Site } from './contract.js';
import { resourcesErrors } from './errors.js';
import { resourceSites } from './schema.js';
import { pgCode } from './pg-code.js';

type SiteInput = { name: string; address?: string | null; timeZone: string; openingHours: { weekday: number; opens: string; closes: string }[] };

const view = (r: typeof resourceSites.$inferSelect): Site => ({ id: r.id, name: r.name, address: r.address, timeZone: r.timeZone, openingHours: r.openingHours });

export async function listSites(db: Executor, coopId: string): Promise<Site[]> {
  return (await db.select().from(resourceSites).where(eq(resourceSites.coopId, coopId)).orderBy(asc(resourceSites.name))).map(view);
}

export async function createSite(db: Db, actor: Actor, body: SiteInput): Promise<Site> {
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx.insert(resourceSites).values({ coopId: actor.coopId, name: body.name, address: body.address ?? null, timeZone: body.timeZone, openingHours: body.openingHours }).returning();
      await recordAudit(tx, actor, { action: 'resource_site.create', entityType: 'resource_site', entityId: row!.id, after: { ...body } });
      return view(row!);
    });
  } catch (err) {
    if (pgCode(err) === '23505') throw resourcesErrors.NAME_TAKEN([{ path: 'name', message: { fr: 'Ce nom est déjà pris.', en: 'This name is already taken.' } }]);
    throw err;
  }
}

export async function updateSite(db: Db, actor: Actor, id: string, body: SiteInput): Promise<Site> {
  try {
    return await db.transaction(async (tx) => {
      const [before] = await tx.select().from(resourceSites).where(and(eq(resourceSites.coopId, actor.coopId), eq(resourceSites.id, id))).for('update');
      if (!before) throw resourcesErrors.SITE_NOT_FOUND();
      const [row] = await tx
        .update(resourceSites)
        .set({ name: body.name, address: body.address ?? null, timeZone: body.timeZone, openingHours: body.openingHours, updatedAt: new Date() })
        .where(and(eq(resourceSites.coopId, actor.coopId), eq(resourceSites.id, id)))
        .returning();
      await recordAudit(tx, actor, { action: 'resource_site.update', entityType: 'resource_site', entityId: id, before: view(before), after: view(row!) });
      return view(row!);
    });
  } catch (err) {
    if (pgCode(err) === '23505') throw resourcesErrors.NAME_TAKEN([{ path: 'name', message: { fr: 'Ce nom est déjà pris.', en: 'This name is already taken.' } }]);
    throw err;
  }
}
