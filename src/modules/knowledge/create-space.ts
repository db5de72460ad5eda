import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import type { CreateSpaceBody, SpaceDetail } from './contract.js';
import { canManage } from './domain/knowledge-access.js';
import { slugify } from './domain/search-text.js';
import { knowledgeErrors } from './errors.js';
import { viewerOf } from './kb-viewer.js';
import { getSpace } from './list-spaces.js';
import { kbSpaces } from './schema.js';
import { isUniqueViolation } from './unique-violation.js';

/** Opens a space (the coop's team), audited: its visibility decides who reads everything in it. */
export async function createSpace(db: Db, actor: Actor, body: CreateSpaceBody): Promise<SpaceDetail> {
  const viewer = viewerOf(actor);
  if (!canManage(viewer, { coopId: actor.coopId })) throw knowledgeErrors.MAY_NOT_MANAGE();
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx.insert(kbSpaces).values({ coopId: actor.coopId, slug: slugify(body.name), ...body }).returning();
      await recordAudit(tx, actor, { action: 'knowledge.space_created', entityType: 'kb_space', entityId: row!.id, after: { name: row!.name, visibility: row!.visibility, membersCanEdit: row!.membersCanEdit, sharedWithNetwork: row!.sharedWithNetwork } });
      return getSpace(tx, viewer, row!.id);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw knowledgeErrors.NAME_TAKEN([{ path: 'name', message: { fr: 'Un espace porte déjà ce nom.', en: 'A space already has this name.' } }]);
    throw err;
  }
}
