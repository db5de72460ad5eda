import { eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db, Executor } from '../../platform/db/client.js';
import { invalidField } from '../../platform/errors.js';
import type { Actor } from '../../platform/http/context.js';
import type { DunningSettings, DunningSettingsBody } from './contract.js';
import { checkDunningSteps, checkMinGapDays, DEFAULT_DUNNING_STEPS, DEFAULT_MIN_GAP_DAYS, MAX_MIN_GAP_DAYS } from './domain/dunning-plan.js';
import { dunningSettings } from './schema.js';

/** The coop's dunning plan; the default plan, enabled, until an admin changes it. */
export async function getDunningSettings(db: Executor, coopId: string): Promise<DunningSettings> {
  const [row] = await db.select().from(dunningSettings).where(eq(dunningSettings.coopId, coopId));
  return row ? { enabled: row.enabled, steps: row.steps, minGapDays: row.minGapDays } : { enabled: true, steps: [...DEFAULT_DUNNING_STEPS], minGapDays: DEFAULT_MIN_GAP_DAYS };
}

const STEP_PROBLEMS = {
  days_not_increasing: { fr: 'Les jours des étapes doivent être croissants, sans doublon.', en: 'Step days must increase, with no duplicate.' },
  day_not_positive: { fr: "Une étape a lieu au moins un jour après l'échéance.", en: 'A step takes place at least one day after the due date.' },
};

/**
 * Changes the plan. Steps already recorded on an invoice keep their index: an invoice never
 * goes back to an earlier step, and a new step inserted before the last one done is not
 * taken for that invoice (see planDunning).
 */
export async function updateDunningSettings(db: Db, actor: Actor, input: DunningSettingsBody): Promise<DunningSettings> {
  const problem = checkDunningSteps(input.steps);
  if (problem) {
    const at = problem === 'day_not_positive' ? input.steps.findIndex((s) => !Number.isInteger(s.day) || s.day < 1) : input.steps.findIndex((s, i) => i > 0 && s.day <= input.steps[i - 1]!.day);
    throw invalidField(`steps.${at}.day`, STEP_PROBLEMS[problem]);
  }
  if (input.minGapDays !== undefined && checkMinGapDays(input.minGapDays)) {
    throw invalidField('minGapDays', { fr: `L'écart minimal est un nombre entier de jours, de 0 à ${MAX_MIN_GAP_DAYS}.`, en: `The minimum gap is a whole number of days, from 0 to ${MAX_MIN_GAP_DAYS}.` });
  }
  return db.transaction(async (tx) => {
    const before = await getDunningSettings(tx, actor.coopId);
    const minGapDays = input.minGapDays ?? before.minGapDays;
    const [row] = await tx
      .insert(dunningSettings)
      .values({ coopId: actor.coopId, enabled: input.enabled, steps: input.steps, minGapDays })
      .onConflictDoUpdate({ target: dunningSettings.coopId, set: { enabled: input.enabled, steps: input.steps, minGapDays, updatedAt: new Date() } })
      .returning();
    const after = { enabled: row!.enabled, steps: row!.steps, minGapDays: row!.minGapDays };
    await recordAudit(tx, actor, { action: 'dunning.settings_updated', entityType: 'coop', entityId: actor.coopId, before, after });
    return after;
  });
}
