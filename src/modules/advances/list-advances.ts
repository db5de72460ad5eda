import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { activityScopeOf, activitySummaries, whereInScope, type Viewer } from '../activities/index.js';
import { invoiceNumbers } from '../invoicing/index.js';
import { quoteNumbers } from '../quotes/index.js';
import { memberIdOfUser, memberNames } from '../members/index.js';
import { advanceInputs } from './advance-inputs.js';
import { advanceTarget } from './advanced-document.js';
import type { Advance, InvoiceAdvance } from './contract.js';
import { mayAdvance, maxAdvanceCents } from './domain/may-advance.js';
import { advanceErrors } from './errors.js';
import { getFundSettings } from './fund-settings.js';
import { outstandingOf } from './locked-advance.js';
import { advances, type AdvanceRow } from './schema.js';

async function withNames(db: Executor, coopId: string, rows: AdvanceRow[]): Promise<Advance[]> {
  const acts = await activitySummaries(db, coopId, rows.map((r) => r.activityId));
  const names = await memberNames(db, coopId, [...new Set(rows.map((r) => r.memberId))]);
  const numbers = await invoiceNumbers(db, coopId, rows.flatMap((r) => (r.invoiceId ? [r.invoiceId] : [])));
  const quoteNos = await quoteNumbers(db, coopId, rows.flatMap((r) => (r.quoteId ? [r.quoteId] : [])));
  return rows.map((r) => ({
    id: r.id,
    activityId: r.activityId,
    activityName: acts.get(r.activityId)?.name ?? '',
    memberId: r.memberId,
    memberName: names.get(r.memberId) ?? '',
    invoiceId: r.invoiceId,
    invoiceNumber: r.invoiceId ? (numbers.get(r.invoiceId)?.number ?? null) : null,
    quoteId: r.quoteId,
    quoteNumber: r.quoteId ? (quoteNos.get(r.quoteId)?.number ?? null) : null,
    amountCents: r.amountCents,
    feeCents: r.feeCents,
    settledCents: r.settledCents,
    writtenOffCents: r.writtenOffCents,
    outstandingCents: outstandingOf(r),
    status: r.status,
    reason: r.reason,
    requestedAt: r.requestedAt,
    decidedAt: r.decidedAt,
  }));
}

/** The advances a person may see (the activity scope rule: a member, her activities'), latest first. */
export async function listAdvances(db: Executor, viewer: Viewer, q: { status?: AdvanceRow['status']; invoiceId?: string; quoteId?: string }): Promise<Advance[]> {
  const where = whereInScope(await activityScopeOf(db, viewer), eq(advances.coopId, viewer.coopId), advances.activityId);
  if (!where) return [];
  const conds: SQL[] = [where];
  if (q.status) conds.push(eq(advances.status, q.status));
  if (q.invoiceId) conds.push(eq(advances.invoiceId, q.invoiceId));
  if (q.quoteId) conds.push(eq(advances.quoteId, q.quoteId));
  const rows = await db.select().from(advances).where(and(...conds)).orderBy(desc(advances.requestedAt)).limit(500);
  return withNames(db, viewer.coopId, rows);
}

export async function getAdvance(db: Executor, viewer: Viewer, id: string): Promise<Advance> {
  const where = whereInScope(await activityScopeOf(db, viewer), eq(advances.coopId, viewer.coopId), advances.activityId);
  const [row] = where ? await db.select().from(advances).where(and(where, eq(advances.id, id))) : [];
  if (!row) throw advanceErrors.ADVANCE_NOT_FOUND();
  return (await withNames(db, viewer.coopId, [row]))[0]!;
}

/**
 * The invoice's (or the accepted quote's) detail card: its latest advance, and the most that
 * may be asked on it now by the member who would carry it (the one looking, or the activity's
 * main holder for the team).
 */
export async function documentAdvance(db: Executor, viewer: Viewer, ref: { invoiceId: string } | { quoteId: string }, today: string): Promise<InvoiceAdvance> {
  const target = await advanceTarget(db, viewer, ref);
  const [latest] = await listAdvances(db, viewer, ref);
  const settings = await getFundSettings(db, viewer.coopId);
  const own = await memberIdOfUser(db, viewer.coopId, viewer.userId);
  const memberId = own ?? latest?.memberId ?? null;
  if (!memberId) return { advance: latest ?? null, maxCents: 0, feeRateBp: settings.feeRateBp, refusal: null };
  const inputs = await advanceInputs(db, { coopId: viewer.coopId, target, memberId, settings, today, exceptAdvanceId: null });
  const maxCents = maxAdvanceCents(inputs);
  const decision = mayAdvance({ ...inputs, amountCents: Math.max(1, maxCents) });
  return { advance: latest ?? null, maxCents: decision.ok ? maxCents : 0, feeRateBp: settings.feeRateBp, refusal: decision.ok ? null : decision.reason };
}
