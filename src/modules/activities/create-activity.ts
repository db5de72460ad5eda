import { and, eq, like, or } from 'drizzle-orm';
import { recordAudit, type AuditActor } from '../../platform/audit/record-audit.js';
import { sqlState, UNIQUE_VIOLATION, type Executor } from '../../platform/db/client.js';
import { invalidField, platformErrors } from '../../platform/errors.js';
import { assertMembersExist } from '../members/index.js';
import { createActivityBody } from './contract.js';
import { codeFromName, firstFreeCode } from './domain/activity-code.js';
import { holdersProblem, type HolderShare } from './domain/shares.js';
import { activityErrors, HOLDERS_FIELD } from './errors.js';
import { activities, activityMembers } from './schema.js';

export interface NewActivity {
  code?: string;
  name: string;
  description?: string | null;
  holders: HolderShare[];
}

/** Throws the 400 on `holders` when the shares break a rule or name someone outside the coop. */
export async function assertHoldersValid(tx: Executor, coopId: string, holders: readonly HolderShare[]): Promise<void> {
  const problem = holdersProblem(holders);
  if (problem) throw invalidField(HOLDERS_FIELD, problem);
  await assertMembersExist(tx, coopId, holders.map((h) => h.memberId), HOLDERS_FIELD);
}

async function freeCodeFor(tx: Executor, coopId: string, name: string): Promise<string> {
  const base = codeFromName(name);
  const rows = await tx
    .select({ code: activities.code })
    .from(activities)
    .where(and(eq(activities.coopId, coopId), or(eq(activities.code, base), like(activities.code, `${base.slice(0, 14)}%-%`))));
  return firstFreeCode(base, new Set(rows.map((r) => r.code)));
}

/**
 * Opens an activity with its holders, in the caller's transaction (the members module
 * calls it when it admits an entrepreneur). Without a code, one is made from the name.
 * The shares are checked here; the database checks their sum again at commit.
 */
export async function createActivity(tx: Executor, actor: AuditActor, raw: NewActivity): Promise<{ id: string }> {
  // Other modules call this without the HTTP edge: the same schema applies to them.
  const parsed = createActivityBody.safeParse(raw);
  if (!parsed.success) {
    throw platformErrors.VALIDATION_FAILED(parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })));
  }
  const input = parsed.data;
  await assertHoldersValid(tx, actor.coopId, input.holders);
  const code = input.code ?? (await freeCodeFor(tx, actor.coopId, input.name));
  try {
    const [row] = await tx
      .insert(activities)
      .values({ coopId: actor.coopId, code, name: input.name, description: input.description ?? null })
      .returning();
    await tx.insert(activityMembers).values(input.holders.map((h) => ({ coopId: actor.coopId, activityId: row.id, memberId: h.memberId, shareBp: h.shareBp })));
    await recordAudit(tx, actor, {
      action: 'activity.created',
      entityType: 'activity',
      entityId: row.id,
      after: { code: row.code, name: row.name, description: row.description, status: row.status, holders: input.holders },
    });
    return { id: row.id };
  } catch (err) {
    if (sqlState(err) === UNIQUE_VIOLATION) throw activityErrors.ACTIVITY_CODE_TAKEN([{ path: 'code', message: activityErrors.ACTIVITY_CODE_TAKEN().text }]);
    throw err;
  }
}
