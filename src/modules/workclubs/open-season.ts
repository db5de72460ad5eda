import type { Db } from '../../platform/db/client.js';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Actor } from '../../platform/http/context.js';
import type { OpenSeasonBody, Season } from './contract.js';
import { defaultSeasonEnd } from './domain/season-calendar.js';
import { workclubErrors } from './errors.js';
import { workclubSeasons } from './schema.js';
import { isUniqueViolation } from './workclub-access.js';

export const seasonView = (r: typeof workclubSeasons.$inferSelect): Season => ({
  id: r.id,
  name: r.name,
  applicationsOpenOn: r.applicationsOpenOn,
  applicationsCloseOn: r.applicationsCloseOn,
  startsOn: r.startsOn,
  endsOn: r.endsOn,
  status: r.status,
});

/** Staff open a season to applications; it runs 45 days from its start unless they set the end. */
export async function openSeason(db: Db, actor: Actor, body: OpenSeasonBody): Promise<Season> {
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(workclubSeasons)
        .values({ coopId: actor.coopId, name: body.name, applicationsOpenOn: body.applicationsOpenOn, applicationsCloseOn: body.applicationsCloseOn, startsOn: body.startsOn, endsOn: body.endsOn ?? defaultSeasonEnd(body.startsOn), createdBy: actor.userId })
        .returning();
      await recordAudit(tx, actor, { action: 'workclub_season.opened', entityType: 'workclub_season', entityId: row!.id, after: seasonView(row!) as unknown as Record<string, unknown> });
      return seasonView(row!);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw workclubErrors.SEASON_NAME_TAKEN();
    throw err;
  }
}
