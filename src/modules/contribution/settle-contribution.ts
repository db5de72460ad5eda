import { and, asc, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Executor } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { ACCOUNTS, JOURNALS, postEntry, revenueByActivity, type NewEntry } from '../ledger/index.js';
import { contributionRuleOf } from './contribution-rule-of.js';
import { cappedByMonth, contributionDue, fullContribution, monthOf, reversedPosted } from './domain/contribution-of.js';
import { contributionPostings, type ContributionPostingRow, type PostingCause } from './schema.js';

/** What invoicing knows of a document when its contribution may move (it holds the row locked). */
export interface InvoiceContributionFacts {
  invoiceId: string;
  number: string;
  kind: 'invoice' | 'deposit';
  /** What the client owes on this document incl. VAT (a final invoice: after its deposits). */
  grossCents: number;
  paidCents: number;
  /** The deposits a final invoice deducts, incl. VAT. */
  prepaidCents: number;
  /** The credit notes issued on it so far. */
  creditNoteIds: readonly string[];
}

export interface ContributionEvent {
  cause: Exclude<PostingCause, 'payment_cancelled' | 'monthly_floor'>;
  causeId?: string | null;
  /** The day of the entry: the validation, the payment, the credit note. */
  date: string;
}

/** The month's contribution of an activity so far, every posting counted (reversals lower it). */
export async function monthTotalOf(tx: Executor, coopId: string, activityId: string, month: string): Promise<number> {
  const [row] = await tx
    .select({ total: sql<string>`coalesce(sum(${contributionPostings.amountCents}), 0)` })
    .from(contributionPostings)
    .where(and(eq(contributionPostings.coopId, coopId), eq(contributionPostings.activityId, activityId), eq(contributionPostings.month, month)));
  return Number(row?.total ?? 0);
}

/**
 * Serialises the postings of one activity's month while a per-month ceiling applies: two
 * invoices validated at once would each read the month below the ceiling and together pass
 * it. A transaction-level advisory lock, released at commit, on (coop, activity, month).
 */
export async function lockActivityMonth(tx: Executor, coopId: string, activityId: string, month: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`contribution:${coopId}:${activityId}:${month}`}, 0))`);
}

/** The entry lines of contribution amounts per activity: D 6581 on the activity / C 7588 to the coop's funds; a negative amount swaps them. */
export function contributionLines(amounts: readonly { activityId: string; amountCents: number }[], label: string): NewEntry['lines'] {
  return amounts.flatMap(({ activityId, amountCents }): NewEntry['lines'] =>
    amountCents > 0
      ? [
          { account: ACCOUNTS.contributionCharge, activityId, debitCents: amountCents, label },
          { account: ACCOUNTS.contributionIncome, activityId: null, creditCents: amountCents, label },
        ]
      : amountCents < 0
        ? [
            { account: ACCOUNTS.contributionIncome, activityId: null, debitCents: -amountCents, label },
            { account: ACCOUNTS.contributionCharge, activityId, creditCents: -amountCents, label },
          ]
        : [],
  );
}

/**
 * Brings an invoice's contribution to what is due now, in the caller's transaction (invoicing
 * calls it with the invoice row locked, at validation, at each payment applied and at each
 * credit note, so the facts it reads cannot move under it): per activity, the full
 * contribution of its part of the revenue × the part acquired (recognised, or paid on the
 * 'payment' basis), minus what was already due; the difference is posted as one OD entry
 * (source 'invoice_contribution', the invoice's id) and a row per activity.
 *
 * The activity parts are the 706/707/708 lines of the invoice's sales entry (ledger), so a
 * revenue split between activities is honoured without knowing who split it. A deposit
 * invoice credits 4191, not revenue (PCG art. 944-41: a deposit is not a sale): it bears no
 * contribution; the final invoice recognises the whole service in 706 and bears it all. On
 * the payment basis the deposits a final invoice deducts count as collected: they were asked
 * and cleared from 4191 by the final invoice, so its paid fraction is (deposits + paid) /
 * (deposits + what is left to pay).
 *
 * The basis, rate and full amount are those of the invoice's first posting: a change of the
 * coop's rate or basis reaches the next invoices, never one already bearing contribution.
 */
export async function settleContribution(tx: Executor, actor: Actor, facts: InvoiceContributionFacts, event: ContributionEvent): Promise<void> {
  if (facts.kind === 'deposit') return;
  const revenue = await revenueByActivity(tx, actor.coopId, [{ type: 'invoice', id: facts.invoiceId }]);
  if (revenue.size === 0) return;
  const credited = await revenueByActivity(tx, actor.coopId, facts.creditNoteIds.map((id) => ({ type: 'credit_note', id })));
  const previous = await tx
    .select()
    .from(contributionPostings)
    .where(and(eq(contributionPostings.coopId, actor.coopId), eq(contributionPostings.invoiceId, facts.invoiceId)))
    .orderBy(asc(contributionPostings.createdAt));
  const basis = previous[0]?.basis;
  const month = monthOf(event.date);
  const paid = { num: facts.prepaidCents + facts.paidCents, den: facts.prepaidCents + facts.grossCents };

  const rows: (typeof contributionPostings.$inferInsert)[] = [];
  for (const [activityId, baseCents] of revenue) {
    if (baseCents <= 0) continue;
    const own = previous.filter((p) => p.activityId === activityId);
    const rule = await contributionRuleOf(tx, actor.coopId, activityId);
    const first = own[0];
    const rateBp = first?.rateBp ?? rule.rateBp;
    const fullCents = first?.fullCents ?? fullContribution(baseCents, rule);
    const kept = { num: baseCents + (credited.get(activityId) ?? 0), den: baseCents };
    const target = contributionDue(fullCents, basis ?? rule.basis, kept, paid);
    const dueSoFar = sum(own, 'dueCents');
    const dueCents = target - dueSoFar;
    if (dueCents === 0) continue;
    let amountCents: number;
    if (dueCents > 0) {
      const monthCeiling = rule.period === 'month' ? rule.ceilingCents : null;
      if (monthCeiling !== null) await lockActivityMonth(tx, actor.coopId, activityId, month);
      amountCents = cappedByMonth(dueCents, monthCeiling === null ? 0 : await monthTotalOf(tx, actor.coopId, activityId, month), monthCeiling);
    } else {
      amountCents = reversedPosted(dueCents, dueSoFar, sum(own, 'amountCents'), target);
    }
    rows.push({
      coopId: actor.coopId,
      invoiceId: facts.invoiceId,
      activityId,
      month,
      postedOn: event.date,
      cause: event.cause,
      causeId: event.causeId ?? null,
      basis: basis ?? rule.basis,
      baseCents,
      rateBp,
      fullCents,
      dueCents,
      amountCents,
    });
  }
  if (rows.length === 0) return;
  const label = `Contribution coopérative – Facture ${facts.number}`;
  const lines = contributionLines(rows.map((r) => ({ activityId: r.activityId, amountCents: r.amountCents })), facts.number);
  const entryId = lines.length
    ? (await postEntry(tx, actor, { journal: JOURNALS.misc, date: event.date, label, source: { type: 'invoice_contribution', id: facts.invoiceId }, lines })).id
    : null;
  await tx.insert(contributionPostings).values(rows.map((r) => ({ ...r, entryId: r.amountCents !== 0 ? entryId : null })));
  await recordAudit(tx, actor, {
    action: 'contribution.posted',
    entityType: 'invoice',
    entityId: facts.invoiceId,
    after: {
      cause: event.cause,
      causeId: event.causeId ?? null,
      entryId,
      amountCents: rows.reduce((s, r) => s + r.amountCents, 0),
      postings: rows.map((r) => ({ activityId: r.activityId, baseCents: r.baseCents, rateBp: r.rateBp, dueCents: r.dueCents, amountCents: r.amountCents, basis: r.basis })),
    },
  });
}

const sum = (rows: readonly ContributionPostingRow[], key: 'dueCents' | 'amountCents') => rows.reduce((s, r) => s + Number(r[key]), 0);
