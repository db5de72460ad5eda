import { and, eq, isNull, sql } from 'drizzle-orm';
import { recordAudit, type AuditActor } from '../../platform/audit/record-audit.js';
import type { Executor } from '../../platform/db/client.js';
import { JOURNALS, postEntry, reverseEntry } from '../ledger/index.js';
import { contributionRuleOf } from './contribution-rule-of.js';
import { baseDeduction } from './domain/base-deduction.js';
import { monthOf } from './domain/contribution-of.js';
import { contributionDeductions } from './schema.js';
import { contributionLines, lockActivityMonth, monthTotalOf } from './settle-contribution.js';

export type DeductionSource = 'expense_report' | 'supplier_invoice';

export interface BaseDeductionInput {
  sourceType: DeductionSource;
  sourceId: string;
  /** The document's number, for the entry's label. */
  reference: string;
  /** The day of the document's validation, the entry's date and the month measured. */
  date: string;
  /** The costs excl. VAT in the contribution base, per activity bearing them (categories flagged `inContributionBase`). */
  costs: readonly { activityId: string; baseCents: number }[];
}

/**
 * Takes a validated document's costs in the contribution base off its activities'
 * contribution (see `baseDeduction`), in the caller's transaction: one OD entry D 7588 /
 * C 6581 per activity (the contribution entry in the other direction), one row per activity,
 * audited as `contribution.posted`. The month of an activity is locked (the same advisory lock
 * as the contribution's postings), so two documents validated at once cannot together give
 * back more than the month holds. Idempotent per document and activity (unique key).
 */
export async function postContributionBaseDeduction(tx: Executor, actor: AuditActor, input: BaseDeductionInput): Promise<{ entryId: string | null; amountCents: number }> {
  const month = monthOf(input.date);
  const byActivity = new Map<string, number>();
  for (const c of input.costs) if (c.baseCents > 0) byActivity.set(c.activityId, (byActivity.get(c.activityId) ?? 0) + c.baseCents);
  const rows: (typeof contributionDeductions.$inferInsert)[] = [];
  for (const [activityId, baseCents] of byActivity) {
    const rule = await contributionRuleOf(tx, actor.coopId, activityId);
    await lockActivityMonth(tx, actor.coopId, activityId, month);
    const posted = await monthTotalOf(tx, actor.coopId, activityId, month);
    const [given] = await tx
      .select({ total: sql<string>`coalesce(sum(${contributionDeductions.amountCents}), 0)` })
      .from(contributionDeductions)
      .where(and(eq(contributionDeductions.coopId, actor.coopId), eq(contributionDeductions.activityId, activityId), eq(contributionDeductions.month, month), isNull(contributionDeductions.reversalEntryId)));
    const amountCents = baseDeduction(baseCents, rule.rateBp, posted - Number(given?.total ?? 0));
    rows.push({ coopId: actor.coopId, sourceType: input.sourceType, sourceId: input.sourceId, activityId, month, postedOn: input.date, baseCents, rateBp: rule.rateBp, amountCents });
  }
  if (rows.length === 0) return { entryId: null, amountCents: 0 };
  const lines = contributionLines(rows.map((r) => ({ activityId: r.activityId, amountCents: -(r.amountCents as number) })), input.reference);
  const entryId = lines.length
    ? (await postEntry(tx, actor, { journal: JOURNALS.misc, date: input.date, label: `Contribution coopérative – achats déduits de la base – ${input.reference}`.slice(0, 300), source: { type: `${input.sourceType}_contribution`, id: input.sourceId }, lines })).id
    : null;
  await tx.insert(contributionDeductions).values(rows.map((r) => ({ ...r, entryId: r.amountCents !== 0 ? entryId : null })));
  const amountCents = rows.reduce((s, r) => s + (r.amountCents as number), 0);
  await recordAudit(tx, actor, {
    action: 'contribution.posted',
    entityType: input.sourceType,
    entityId: input.sourceId,
    after: { cause: 'base_deduction', entryId, amountCents: -amountCents, deductions: rows.map((r) => ({ activityId: r.activityId, baseCents: r.baseCents, rateBp: r.rateBp, amountCents: r.amountCents })) },
  });
  return { entryId, amountCents };
}

/**
 * A cancelled document gives its deduction back to the coop: its entry is reversed (never
 * deleted), dated `date`, and the rows marked, audited as `contribution.posted`. Nothing to do
 * for a document that deducted nothing.
 */
export async function reverseContributionBaseDeduction(tx: Executor, actor: AuditActor, input: { sourceType: DeductionSource; sourceId: string; date: string }): Promise<{ entryId: string | null }> {
  const rows = await tx
    .select()
    .from(contributionDeductions)
    .where(and(eq(contributionDeductions.coopId, actor.coopId), eq(contributionDeductions.sourceType, input.sourceType), eq(contributionDeductions.sourceId, input.sourceId), isNull(contributionDeductions.reversalEntryId)))
    .for('update');
  const entryId = rows.find((r) => r.entryId)?.entryId;
  if (!entryId) return { entryId: null };
  const { id } = await reverseEntry(tx, actor, entryId, input.date);
  await tx
    .update(contributionDeductions)
    .set({ reversalEntryId: id })
    .where(and(eq(contributionDeductions.coopId, actor.coopId), eq(contributionDeductions.entryId, entryId)));
  await recordAudit(tx, actor, {
    action: 'contribution.posted',
    entityType: input.sourceType,
    entityId: input.sourceId,
    after: { cause: 'base_deduction_reversed', entryId: id, amountCents: rows.reduce((s, r) => s + Number(r.amountCents), 0) },
  });
  return { entryId: id };
}
