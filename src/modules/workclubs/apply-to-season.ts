import { and, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { memberIdOfUser } from '../members/index.js';
import type { Application, ApplyBody } from './contract.js';
import { mayApply } from './domain/workclub-states.js';
import { workclubErrors } from './errors.js';
import { applicationViews } from './list-seasons.js';
import { workclubApplications } from './schema.js';
import { seasonOf } from './workclub-access.js';

async function applicant(db: Db, actor: Actor) {
  const memberId = await memberIdOfUser(db, actor.coopId, actor.userId);
  if (!memberId) throw workclubErrors.NOT_A_MEMBER();
  return memberId;
}

/**
 * A member applies with their project, or rewrites it, or comes back after withdrawing: one
 * application per member and season (the unique key). The season row is locked so that
 * staff confirming the groups at the same moment either see this application or refuse it.
 */
export async function applyToSeason(db: Db, actor: Actor, seasonId: string, body: ApplyBody, today: string): Promise<Application> {
  const memberId = await applicant(db, actor);
  return db.transaction(async (tx) => {
    const season = await seasonOf(tx, actor.coopId, seasonId, { lock: true });
    if (!mayApply(season, today)) throw workclubErrors.APPLICATIONS_CLOSED();
    const [row] = await tx
      .insert(workclubApplications)
      .values({ coopId: actor.coopId, seasonId, memberId, projectTitle: body.projectTitle, projectDescription: body.projectDescription })
      .onConflictDoUpdate({
        target: [workclubApplications.coopId, workclubApplications.seasonId, workclubApplications.memberId],
        set: { projectTitle: body.projectTitle, projectDescription: body.projectDescription, status: 'submitted', updatedAt: new Date() },
      })
      .returning();
    return (await applicationViews(tx, actor.coopId, [row!]))[0]!;
  });
}

/** A member withdraws before the groups are formed (afterwards, staff move or keep them). */
export async function withdrawApplication(db: Db, actor: Actor, seasonId: string, today: string): Promise<Application> {
  const memberId = await applicant(db, actor);
  return db.transaction(async (tx) => {
    const season = await seasonOf(tx, actor.coopId, seasonId, { lock: true });
    if (!mayApply(season, today)) throw workclubErrors.APPLICATIONS_CLOSED();
    const [row] = await tx
      .update(workclubApplications)
      .set({ status: 'withdrawn', updatedAt: new Date() })
      .where(and(eq(workclubApplications.coopId, actor.coopId), eq(workclubApplications.seasonId, seasonId), eq(workclubApplications.memberId, memberId)))
      .returning();
    if (!row) throw workclubErrors.NO_APPLICATION();
    return (await applicationViews(tx, actor.coopId, [row]))[0]!;
  });
}
