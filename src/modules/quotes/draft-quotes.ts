import { and, asc, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import { addDays, daysBetween } from '../../platform/calendar/index.js';
import type { Db, Executor } from '../../platform/db/client.js';
import { invalidField } from '../../platform/errors.js';
import type { Actor } from '../../platform/http/context.js';
import { checkedLineTotals, documentLineRows, type DocumentTotals, type TotalsLineSource } from '../documents/index.js';
import { assertDocumentParties } from '../invoicing/index.js';
import { assertJobForDocument } from '../jobs/index.js';
import { decideQuoteTransition } from './domain/quote-lifecycle.js';
import type { NewQuote, QuoteLineInput, UpdateQuoteBody } from './contract.js';
import { visibleQuote } from './quote-access.js';
import { quotesSettingsOf } from './quotes-settings.js';
import { refusalError, roleOf } from './quote-refusals.js';
import { quoteLines, quotes, type QuoteLineRow, type QuoteRow } from './schema.js';

/** The lines' totals, or a 400 naming each bad field; a quote never offers a negative total. */
export const checkedTotals = (lines: readonly TotalsLineSource[]): DocumentTotals =>
  checkedLineTotals(lines, { fr: 'Le total du devis ne peut pas être négatif.', en: 'The total of a quote cannot be negative.' });

export const amountsOf = (totals: DocumentTotals) => ({
  netCents: totals.taxBasisCents,
  vatCents: totals.vatTotalCents,
  grossCents: totals.grandTotalCents,
  vatBreakdown: totals.vatBreakdown,
});

/** The activity must be one the person acts for and still open; the client one of the coop, not archived. */
function assertValidity(validUntil: string, today: string) {
  if (validUntil < today) throw invalidField('validUntil', { fr: "La date de validité est déjà passée.", en: 'The validity date is already past.' });
}

async function insertLines(tx: Executor, coopId: string, quoteId: string, lines: readonly QuoteLineInput[], totals: DocumentTotals): Promise<void> {
  if (lines.length === 0) return;
  await tx.insert(quoteLines).values(documentLineRows(lines, totals).map((row, i) => ({ coopId, quoteId, ...row, sectionTitle: lines[i]!.sectionTitle ?? null })));
}

export async function linesOfQuote(db: Executor, coopId: string, quoteId: string): Promise<QuoteLineRow[]> {
  return db
    .select()
    .from(quoteLines)
    .where(and(eq(quoteLines.coopId, coopId), eq(quoteLines.quoteId, quoteId)))
    .orderBy(asc(quoteLines.position));
}

/** A draft quote: no number yet, free to change until it is validated. */
export async function createDraftQuote(db: Db, actor: Actor, input: NewQuote, today: string): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    assertValidity(input.validUntil, today);
    await assertDocumentParties(tx, actor, input.activityId, input.clientId);
    if (input.jobId) await assertJobForDocument(tx, actor, input.jobId, input.clientId);
    const totals = checkedTotals(input.lines);
    const [row] = await tx
      .insert(quotes)
      .values({
        coopId: actor.coopId,
        activityId: input.activityId,
        clientId: input.clientId,
        jobId: input.jobId ?? null,
        validUntil: input.validUntil,
        notes: input.notes ?? null,
        ...amountsOf(totals),
        createdBy: actor.userId,
      })
      .returning();
    await insertLines(tx, actor.coopId, row!.id, input.lines, totals);
    await recordAudit(tx, actor, { action: 'quote.draft_created', entityType: 'quote', entityId: row!.id, after: { ...row!, lines: input.lines } });
    return { id: row!.id };
  });
}

async function editableDraft(tx: Executor, actor: Actor, id: string, today: string): Promise<QuoteRow> {
  const row = await visibleQuote(tx, actor, id, { lock: true });
  const { needsValidation } = await quotesSettingsOf(tx, actor.coopId);
  const decision = decideQuoteTransition(row, 'edit', { today, needsValidation, actorRole: roleOf(actor) });
  if (!decision.ok) throw refusalError(decision.reason);
  return row;
}

/** Changes a draft; `lines`, when given, replaces all its lines. */
export async function updateDraftQuote(db: Db, actor: Actor, id: string, patch: UpdateQuoteBody, today: string): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await editableDraft(tx, actor, id, today);
    if (patch.validUntil !== undefined) assertValidity(patch.validUntil, today);
    if (patch.activityId !== undefined || patch.clientId !== undefined) {
      await assertDocumentParties(tx, actor, patch.activityId ?? before.activityId, patch.clientId ?? before.clientId);
    }
    const jobId = patch.jobId !== undefined ? patch.jobId : before.jobId;
    // Re-checked when the client changes too: a job is one client's engagement.
    if (jobId && (patch.jobId !== undefined || patch.clientId !== undefined)) await assertJobForDocument(tx, actor, jobId, patch.clientId ?? before.clientId);
    const totals = patch.lines ? checkedTotals(patch.lines) : null;
    const [after] = await tx
      .update(quotes)
      .set({
        jobId,
        ...(patch.activityId !== undefined ? { activityId: patch.activityId } : {}),
        ...(patch.clientId !== undefined ? { clientId: patch.clientId } : {}),
        ...(patch.validUntil !== undefined ? { validUntil: patch.validUntil } : {}),
        ...(patch.notes !== undefined ? { notes: patch.notes } : {}),
        ...(totals ? amountsOf(totals) : {}),
        updatedAt: new Date(),
      })
      .where(and(eq(quotes.coopId, actor.coopId), eq(quotes.id, id)))
      .returning();
    if (patch.lines && totals) {
      await tx.delete(quoteLines).where(and(eq(quoteLines.coopId, actor.coopId), eq(quoteLines.quoteId, id)));
      await insertLines(tx, actor.coopId, id, patch.lines, totals);
    }
    await recordAudit(tx, actor, { action: 'quote.draft_updated', entityType: 'quote', entityId: id, before, after: { ...after!, ...(patch.lines ? { lines: patch.lines } : {}) } });
  });
}

/** A draft never offered to anyone can be thrown away; an offer made stays on record. */
export async function deleteDraftQuote(db: Db, actor: Actor, id: string, today: string): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await editableDraft(tx, actor, id, today);
    await tx.delete(quotes).where(and(eq(quotes.coopId, actor.coopId), eq(quotes.id, id)));
    await recordAudit(tx, actor, { action: 'quote.draft_deleted', entityType: 'quote', entityId: id, before });
  });
}

/** A new draft with the same parties and lines, valid as long from today as the original was from its creation. */
export async function duplicateQuote(db: Db, actor: Actor, id: string, today: string): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    const source = await visibleQuote(tx, actor, id);
    const { needsValidation } = await quotesSettingsOf(tx, actor.coopId);
    const decision = decideQuoteTransition(source, 'duplicate', { today, needsValidation, actorRole: roleOf(actor) });
    if (!decision.ok) throw refusalError(decision.reason);
    const lines = await linesOfQuote(tx, actor.coopId, id);
    const spanDays = Math.max(1, daysBetween(source.createdAt.toISOString().slice(0, 10), source.validUntil));
    const validUntil = addDays(today, spanDays);
    const [row] = await tx
      .insert(quotes)
      .values({
        coopId: actor.coopId,
        activityId: source.activityId,
        clientId: source.clientId,
        jobId: source.jobId,
        validUntil,
        notes: source.notes,
        netCents: source.netCents,
        vatCents: source.vatCents,
        grossCents: source.grossCents,
        vatBreakdown: source.vatBreakdown,
        duplicatedFromId: source.id,
        createdBy: actor.userId,
      })
      .returning();
    if (lines.length) await tx.insert(quoteLines).values(lines.map((l) => ({ ...l, quoteId: row!.id })));
    await recordAudit(tx, actor, { action: 'quote.duplicated', entityType: 'quote', entityId: row!.id, after: { ...row! } });
    return { id: row!.id };
  });
}
