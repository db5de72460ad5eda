import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import type { ProposeThemeBody } from './contract.js';
import { eventsErrors } from './errors.js';
import { eventViewerOf } from './event-viewer.js';
import { eventThemeProposals } from './schema.js';

/** A member (or staff) proposes a co-lunch theme, possibly offering to host it. */
export async function proposeTheme(db: Db, actor: Actor, body: ProposeThemeBody): Promise<{ id: string }> {
  const viewer = await eventViewerOf(db, actor);
  if (!viewer.staff && !viewer.memberId) throw eventsErrors.NOT_A_MEMBER();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(eventThemeProposals)
      .values({ coopId: actor.coopId, title: body.title.trim(), details: body.details?.trim() || null, wouldHost: body.wouldHost ?? false, proposedByMemberId: viewer.memberId, proposedByUserId: actor.userId })
      .returning({ id: eventThemeProposals.id });
    await recordAudit(tx, actor, { action: 'event_theme.proposed', entityType: 'event_theme_proposal', entityId: row!.id, after: { title: body.title } });
    return row!;
  });
}
