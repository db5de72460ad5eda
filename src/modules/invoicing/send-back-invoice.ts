import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { decideDraftReview } from './domain/draft-review.js';
import { visibleInvoice } from './invoice-access.js';
import { draftReviewError, isTeam } from './draft-review-refusals.js';
import { invoices } from './schema.js';

/**
 * The team returns a submitted draft to its author with what to change, as it does a quote:
 * the draft leaves the "to validate" list and carries the comment until it is submitted
 * again. Audited with the comment.
 */
export async function sendBackInvoice(db: Db, actor: Actor, id: string, comment: string | null): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await visibleInvoice(tx, actor, id, { lock: true });
    const decision = decideDraftReview({ status: row.status, submitted: row.submittedAt !== null }, 'send_back', isTeam(actor) ? 'team' : 'member');
    if (!decision.ok) throw draftReviewError(decision.reason);
    const now = new Date();
    await tx
      .update(invoices)
      .set({ submittedAt: null, sentBackAt: now, sentBackComment: comment, updatedAt: now })
      .where(and(eq(invoices.coopId, actor.coopId), eq(invoices.id, id)));
    await recordAudit(tx, actor, { action: 'invoice.sent_back', entityType: 'invoice', entityId: id, before: { submittedAt: row.submittedAt }, after: { submittedAt: null, comment } });
  });
}
