import { eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db, Executor } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { getCoop } from '../coops/index.js';
import type { SalarySettings, SalarySettingsBody } from './contract.js';
import { DEFAULT_SALARY_RATES } from './domain/salary-rules.js';
import { salarySettings } from './schema.js';

/** The coop's flat salary rates (the defaults until an admin sets them), with its contribution rate. */
export async function getSalarySettings(db: Executor, coopId: string): Promise<SalarySettings> {
  const [row] = await db.select().from(salarySettings).where(eq(salarySettings.coopId, coopId));
  const coop = await getCoop(db, coopId);
  return { employerRateBp: row?.employerRateBp ?? DEFAULT_SALARY_RATES.employerRateBp, employeeRateBp: row?.employeeRateBp ?? DEFAULT_SALARY_RATES.employeeRateBp, contributionRateBp: coop.contributionRateBp };
}

/**
 * Changes the rates. Requests already made keep the rates they were asked with (they are
 * stored on the request and booked as asked); new simulations and requests take the new ones.
 */
export async function updateSalarySettings(db: Db, actor: Actor, input: SalarySettingsBody): Promise<SalarySettings> {
  return db.transaction(async (tx) => {
    const before = await getSalarySettings(tx, actor.coopId);
    await tx
      .insert(salarySettings)
      .values({ coopId: actor.coopId, ...input })
      .onConflictDoUpdate({ target: salarySettings.coopId, set: { ...input, updatedAt: new Date() } });
    const after = await getSalarySettings(tx, actor.coopId);
    await recordAudit(tx, actor, {
      action: 'salary.settings_updated',
      entityType: 'coop',
      entityId: actor.coopId,
      before: { employerRateBp: before.employerRateBp, employeeRateBp: before.employeeRateBp },
      after: { employerRateBp: after.employerRateBp, employeeRateBp: after.employeeRateBp },
    });
    return after;
  });
}
