import { and, asc, count, eq, inArray, type SQL } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import { invalidField } from '../../platform/errors.js';
import type { Db, Executor, Tx } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import type { PriceRuleView, Resource, ResourceKind } from './contract.js';
import { resourcesErrors } from './errors.js';
import { pgCode } from './pg-code.js';
import { resourcePhotos, resourcePriceRules, resources, resourceSites } from './schema.js';

interface ResourceInput {
  siteId?: string;
  kind?: ResourceKind;
  customKindLabel?: string | null;
  name?: string;
  description?: string | null;
  capacity?: number;
  depositCents?: number;
  active?: boolean;
}

const nameTaken = () => resourcesErrors.NAME_TAKEN([{ path: 'name', message: { fr: 'Ce nom est déjà pris sur ce lieu.', en: 'This name is already taken at this site.' } }]);

export async function listResources(db: Executor, coopId: string, q: { siteId?: string; kind?: ResourceKind; includeInactive?: boolean; ids?: string[] } = {}): Promise<Resource[]> {
  const where: (SQL | undefined)[] = [eq(resources.coopId, coopId), q.siteId ? eq(resources.siteId, q.siteId) : undefined, q.kind ? eq(resources.kind, q.kind) : undefined, q.includeInactive ? undefined : eq(resources.active, true), q.ids ? inArray(resources.id, q.ids) : undefined];
  const rows = await db
    .select({ r: resources, siteName: resourceSites.name })
    .from(resources)
    .innerJoin(resourceSites, and(eq(resourceSites.coopId, resources.coopId), eq(resourceSites.id, resources.siteId)))
    .where(and(...where))
    .orderBy(asc(resourceSites.name), asc(resources.kind), asc(resources.name));
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.r.id);
  const [prices, photoCounts] = await Promise.all([
    db.select().from(resourcePriceRules).where(and(eq(resourcePriceRules.coopId, coopId), inArray(resourcePriceRules.resourceId, ids))),
    db.select({ resourceId: resourcePhotos.resourceId, n: count() }).from(resourcePhotos).where(and(eq(resourcePhotos.coopId, coopId), inArray(resourcePhotos.resourceId, ids))).groupBy(resourcePhotos.resourceId),
  ]);
  const photosOf = new Map(photoCounts.map((p) => [p.resourceId, Number(p.n)]));
  const UNIT_ORDER = { hour: 0, half_day: 1, day: 2, month: 3 } as const;
  const pricesOf = new Map<string, typeof prices>();
  for (const p of prices) pricesOf.set(p.resourceId, [...(pricesOf.get(p.resourceId) ?? []), p]);
  return rows.map(({ r, siteName }) => ({
    id: r.id,
    siteId: r.siteId,
    siteName,
    kind: r.kind,
    customKindLabel: r.customKindLabel,
    name: r.name,
    description: r.description,
    capacity: r.capacity,
    depositCents: r.depositCents,
    active: r.active,
    photoCount: photosOf.get(r.id) ?? 0,
    prices: (pricesOf.get(r.id) ?? [])
      .sort((a, b) => UNIT_ORDER[a.unit] - UNIT_ORDER[b.unit])
      .map((p) => ({ unit: p.unit, memberPriceCents: p.memberPriceCents, nonMemberPriceCents: p.nonMemberPriceCents, vatRateBp: p.vatRateBp })),
  }));
}

export async function getResource(db: Executor, coopId: string, id: string): Promise<Resource> {
  const [r] = await listResources(db, coopId, { ids: [id], includeInactive: true });
  if (!r) throw resourcesErrors.RESOURCE_NOT_FOUND();
  return r;
}

async function assertSite(tx: Executor, coopId: string, siteId: string): Promise<void> {
  const [s] = await tx.select({ id: resourceSites.id }).from(resourceSites).where(and(eq(resourceSites.coopId, coopId), eq(resourceSites.id, siteId)));
  if (!s) throw resourcesErrors.SITE_NOT_FOUND([{ path: 'siteId', message: { fr: 'Lieu introuvable.', en: 'Site not found.' } }]);
}

async function writePrices(tx: Tx, coopId: string, resourceId: string, prices: PriceRuleView[]): Promise<void> {
  await tx.delete(resourcePriceRules).where(and(eq(resourcePriceRules.coopId, coopId), eq(resourcePriceRules.resourceId, resourceId)));
  if (prices.length > 0) await tx.insert(resourcePriceRules).values(prices.map((p) => ({ coopId, resourceId, ...p })));
}

export async function createResource(db: Db, actor: Actor, body: Required<Pick<ResourceInput, 'siteId' | 'kind' | 'name'>> & ResourceInput & { prices: PriceRuleView[] }): Promise<Resource> {
  try {
    const id = await db.transaction(async (tx) => {
      await assertSite(tx, actor.coopId, body.siteId);
      const [row] = await tx
        .insert(resources)
        .values({
          coopId: actor.coopId,
          siteId: body.siteId,
          kind: body.kind,
          customKindLabel: body.kind === 'custom' ? (body.customKindLabel ?? null) : null,
          name: body.name,
          description: body.description ?? null,
          capacity: body.capacity ?? 1,
          depositCents: body.depositCents ?? 0,
          active: body.active ?? true,
        })
        .returning({ id: resources.id });
      await writePrices(tx, actor.coopId, row!.id, body.prices);
      await recordAudit(tx, actor, { action: 'resource.create', entityType: 'resource', entityId: row!.id, after: { ...body } });
      return row!.id;
    });
    return getResource(db, actor.coopId, id);
  } catch (err) {
    if (pgCode(err) === '23505') throw nameTaken();
    throw err;
  }
}

export async function updateResource(db: Db, actor: Actor, id: string, body: ResourceInput): Promise<Resource> {
  try {
    await db.transaction(async (tx) => {
      const [before] = await tx.select().from(resources).where(and(eq(resources.coopId, actor.coopId), eq(resources.id, id))).for('update');
      if (!before) throw resourcesErrors.RESOURCE_NOT_FOUND();
      if (body.siteId) await assertSite(tx, actor.coopId, body.siteId);
      const kind = body.kind ?? before.kind;
      const label = body.customKindLabel !== undefined ? body.customKindLabel : before.customKindLabel;
      if ((kind === 'custom') !== Boolean(label)) throw invalidField('customKindLabel', { fr: 'Un type personnalisé a un libellé, et seul lui.', en: 'A custom kind has a label, and only it.' });
      const [after] = await tx
        .update(resources)
        .set({ ...body, customKindLabel: kind === 'custom' ? label : null, updatedAt: new Date() })
        .where(and(eq(resources.coopId, actor.coopId), eq(resources.id, id)))
        .returning();
      await recordAudit(tx, actor, { action: 'resource.update', entityType: 'resource', entityId: id, before, after });
    });
    return getResource(db, actor.coopId, id);
  } catch (err) {
    if (pgCode(err) === '23505') throw nameTaken();
    throw err;
  }
}

/** Replaces a resource's prices. Bookings already made keep the price they were made at. */
export async function setResourcePrices(db: Db, actor: Actor, id: string, prices: PriceRuleView[]): Promise<Resource> {
  await db.transaction(async (tx) => {
    const [r] = await tx.select({ id: resources.id }).from(resources).where(and(eq(resources.coopId, actor.coopId), eq(resources.id, id))).for('update');
    if (!r) throw resourcesErrors.RESOURCE_NOT_FOUND();
    const before = await tx.select().from(resourcePriceRules).where(and(eq(resourcePriceRules.coopId, actor.coopId), eq(resourcePriceRules.resourceId, id)));
    await writePrices(tx, actor.coopId, id, prices);
    await recordAudit(tx, actor, { action: 'resource.prices', entityType: 'resource', entityId: id, before: { prices: before.map(({ unit, memberPriceCents, nonMemberPriceCents, vatRateBp }) => ({ unit, memberPriceCents, nonMemberPriceCents, vatRateBp })) }, after: { prices } });
  });
  return getResource(db, actor.coopId, id);
}
