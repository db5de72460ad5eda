import { and, eq } from 'drizzle-orm';
import type { AuditActor } from '../../platform/audit/record-audit.js';
import type { Executor } from '../../platform/db/client.js';
import { createAccount } from './accounts-service.js';
import { accounts } from './schema.js';

/**
 * Opens an account of the plan comptable in the coop's chart the first time an operation
 * posts to it (437 for a pension fund, 5121 for a second bank account): the coop's chart
 * only holds what it uses. An account that exists is left as the coop named it, even
 * deactivated (posting then refuses it, which is the coop's choice to make).
 */
export async function openAccountIfMissing(tx: Executor, actor: AuditActor, number: string, label: string): Promise<void> {
  const [row] = await tx
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(eq(accounts.coopId, actor.coopId), eq(accounts.number, number)));
  if (!row) await createAccount(tx, actor, { number, label });
}
