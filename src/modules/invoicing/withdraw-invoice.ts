import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { decideDraftReview } from './domain/draft-review.js';
import { draftReviewError, isTeam } from './draft-review-refusals.js';
import { visibleInvoice } from './invoice-access.js';
import { invoices } from './schema.js';

/**
 * The member takes a submitted draft back to fix it, before the team issues it: it leaves
 * the team's "to validate" list and is theirs to edit and submit again. Audited.
 */
export async function withdrawInvoice(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await visibleInvoice(tx, actor, id, { lock: true });
    const decision = decideDraftReview({ status: row.status, submitted: row.submittedAt !== null }, 'withdraw', isTeam(actor) ? 'team' : 'member');
    if (!decision.ok) throw draftReviewError(decision.reason);
    const now = new Date();
    await tx.update(invoices).set({ submittedAt: null, updatedAt: now }).where(and(eq(invoices.coopId, actor.coopId), eq(invoices.id, id)));
    await recordAudit(tx, actor, { action: 'invoice.withdrawn', entityType: 'invoice', entityId: id, before: { submittedAt: row.submittedAt }, after: { submittedAt: null } });
  });
}
