import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { lockedCampaign, openSetup, pgCode } from './campaign.js';
import type { CompanyBody } from './contract.js';
import { cochallengeErrors } from './errors.js';
import { cochallengeCompanies } from './schema.js';

const fields = (body: CompanyBody) => ({ name: body.name, tags: body.tags, contactName: body.contactName ?? null, contactPhone: body.contactPhone ?? null, address: body.address ?? null, slots: body.slots });

/** A company agreed to receive pairs (or its details changed): registered before the day. */
export async function registerCompany(db: Db, actor: Actor, cochallengeId: string, body: CompanyBody, companyId?: string): Promise<string> {
  try {
    return await db.transaction(async (tx) => {
      await openSetup(tx, await lockedCampaign(tx, actor.coopId, cochallengeId));
      let id = companyId;
      if (id) {
        const updated = await tx
          .update(cochallengeCompanies)
          .set(fields(body))
          .where(and(eq(cochallengeCompanies.coopId, actor.coopId), eq(cochallengeCompanies.cochallengeId, cochallengeId), eq(cochallengeCompanies.id, id)))
          .returning({ id: cochallengeCompanies.id });
        if (updated.length === 0) throw cochallengeErrors.COMPANY_NOT_FOUND();
      } else {
        const [row] = await tx.insert(cochallengeCompanies).values({ coopId: actor.coopId, cochallengeId, ...fields(body) }).returning({ id: cochallengeCompanies.id });
        id = row!.id;
      }
      await recordAudit(tx, actor, { action: companyId ? 'cochallenge.company_updated' : 'cochallenge.company_registered', entityType: 'cochallenge', entityId: cochallengeId, after: { companyId: id, name: body.name, slots: body.slots } });
      return id;
    });
  } catch (err) {
    if (pgCode(err) === '23505') throw cochallengeErrors.COMPANY_NAME_TAKEN();
    throw err;
  }
}

export async function removeCompany(db: Db, actor: Actor, cochallengeId: string, companyId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await openSetup(tx, await lockedCampaign(tx, actor.coopId, cochallengeId));
    const gone = await tx
      .delete(cochallengeCompanies)
      .where(and(eq(cochallengeCompanies.coopId, actor.coopId), eq(cochallengeCompanies.cochallengeId, cochallengeId), eq(cochallengeCompanies.id, companyId)))
      .returning({ name: cochallengeCompanies.name });
    if (gone.length === 0) throw cochallengeErrors.COMPANY_NOT_FOUND();
    await recordAudit(tx, actor, { action: 'cochallenge.company_removed', entityType: 'cochallenge', entityId: cochallengeId, before: { companyId, name: gone[0]!.name } });
  });
}
