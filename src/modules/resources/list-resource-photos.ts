import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import type { ResourcePhoto } from './photo-contract.js';
import { resourcesErrors } from './errors.js';
import { resourcePhotos, resources } from './schema.js';

/** A resource's photos, oldest first; a resource of another coop is not found. */
export async function listResourcePhotos(db: Executor, coopId: string, resourceId: string): Promise<ResourcePhoto[]> {
  const [r] = await db.select({ id: resources.id }).from(resources).where(and(eq(resources.coopId, coopId), eq(resources.id, resourceId)));
  if (!r) throw resourcesErrors.RESOURCE_NOT_FOUND();
  return db
    .select({ id: resourcePhotos.id, resourceId: resourcePhotos.resourceId, fileName: resourcePhotos.fileName, contentType: resourcePhotos.contentType, size: resourcePhotos.size, createdAt: resourcePhotos.createdAt })
    .from(resourcePhotos)
    .where(and(eq(resourcePhotos.coopId, coopId), eq(resourcePhotos.resourceId, resourceId)))
    .orderBy(asc(resourcePhotos.createdAt), asc(resourcePhotos.id)) as Promise<ResourcePhoto[]>;
}
