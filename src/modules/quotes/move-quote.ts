import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { AuditActor } from '../../platform/audit/record-audit.js';
import type { Db, Executor } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { todayInFrance } from '../../platform/calendar/today-in-france.js';
import { takeNextNumber } from '../../platform/numbering/take-next-number.js';
import { decideQuoteTransition, type QuoteAction, type QuoteActorRole } from './domain/quote-lifecycle.js';
import { stepMoment } from './domain/step-moment.js';
import { quoteNumber, quoteSeriesKey } from './domain/quote-number.js';
import { quoteErrors } from './errors.js';
import { visibleQuote } from './quote-access.js';
import { refusalError, roleOf } from './quote-refusals.js';
import { quotesSettingsOf } from './quotes-settings.js';
import { quoteLines, quotes, type QuoteRow } from './schema.js';

type QuoteUpdate = Partial<typeof quotes.$inferInsert>;

const AUDIT_ACTIONS = {
  submit: 'quote.submitted',
  withdraw: 'quote.withdrawn',
  send_back: 'quote.sent_back',
  validate: 'quote.validated',
  send: 'quote.sent',
  accept: 'quote.accepted',
  refuse: 'quote.refused',
} as const;

/**
 * Applies one lifecycle action to a quote already locked by the caller: the pure rule decides,
 * checked here inside the transaction so two clicks cannot both move it, then the row changes
 * and the audit records before and after.
 */
export async function applyQuoteAction(
  tx: Executor,
  who: AuditActor,
  row: QuoteRow,
  action: Exclude<QuoteAction, 'edit' | 'duplicate'>,
  context: { today: string; role: QuoteActorRole },
  extra: QuoteUpdate = {},
): Promise<QuoteRow> {
  const { needsValidation } = await quotesSettingsOf(tx, row.coopId);
  const decision = decideQuoteTransition(row, action, { today: context.today, needsValidation, actorRole: context.role });
  if (!decision.ok) throw refusalError(decision.reason);
  const now = new Date();
  const at = stepMoment(context.today, now, todayInFrance(now));
  const stamps: QuoteUpdate = {};
  if (decision.changes.stampField === 'submittedOn') stamps.submittedAt = at;
  if (decision.changes.stampField === 'validatedOn') Object.assign(stamps, { validatedAt: at, validatedBy: who.userId });
  if (decision.changes.stampField === 'sentOn') stamps.sentAt = at;
  if (decision.changes.stampField === 'acceptedOn') stamps.acceptedAt = at;
  if (decision.changes.stampField === 'refusedOn') stamps.refusedAt = at;
  const [after] = await tx
    .update(quotes)
    .set({ status: decision.changes.status, ...stamps, ...extra, updatedAt: now })
    .where(and(eq(quotes.coopId, row.coopId), eq(quotes.id, row.id)))
    .returning();
  await recordAudit(tx, who, { action: AUDIT_ACTIONS[action], entityType: 'quote', entityId: row.id, before: row, after: after! });
  return after!;
}

async function moveQuote(db: Db, actor: Actor, id: string, action: 'submit' | 'withdraw' | 'send_back', today: string, extra: QuoteUpdate = {}): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await visibleQuote(tx, actor, id, { lock: true });
    await applyQuoteAction(tx, actor, row, action, { today, role: roleOf(actor) }, extra);
  });
}

/** The member hands the draft to the coop's team, when the coop asks quotes to be validated. */
export const submitQuote = (db: Db, actor: Actor, id: string, today: string) => moveQuote(db, actor, id, 'submit', today);

/** The author takes a submitted quote back to fix it, before the team validates it. */
export const withdrawQuote = (db: Db, actor: Actor, id: string, today: string) => moveQuote(db, actor, id, 'withdraw', today);

/** Staff return a submitted quote to its author for changes, with what to change (kept on the quote, audited). */
export const sendBackQuote = (db: Db, actor: Actor, id: string, today: string, comment: string | null = null) =>
  moveQuote(db, actor, id, 'send_back', today, { sentBackAt: new Date(), sentBackComment: comment });

/**
 * The coop commits to the offer: the quote takes the next number of its yearly series. The
 * counter row is updated in the same transaction, so two validations never share a number.
 */
export async function validateQuote(db: Db, actor: Actor, id: string, today: string): Promise<{ number: string }> {
  return db.transaction(async (tx) => {
    const row = await visibleQuote(tx, actor, id, { lock: true });
    const [line] = await tx.select({ position: quoteLines.position }).from(quoteLines).where(and(eq(quoteLines.coopId, actor.coopId), eq(quoteLines.quoteId, id))).limit(1);
    // Check the transition before taking a number, so a refused validation burns none.
    const { needsValidation } = await quotesSettingsOf(tx, actor.coopId);
    const decision = decideQuoteTransition(row, 'validate', { today, needsValidation, actorRole: roleOf(actor) });
    if (!decision.ok) throw refusalError(decision.reason);
    if (!line) throw quoteErrors.QUOTE_EMPTY([{ path: 'lines', message: { fr: 'Ajoutez au moins une ligne.', en: 'Add at least one line.' } }]);
    const seriesKey = quoteSeriesKey(today);
    const seq = await takeNextNumber(tx, { coopId: actor.coopId, series: `quote:${seriesKey}` });
    const number = quoteNumber(seriesKey, seq);
    await applyQuoteAction(tx, actor, row, 'validate', { today, role: roleOf(actor) }, { number, seriesKey, seq });
    return { number };
  });
}

/** Staff record the client's answer given outside the portal (a signed "bon pour accord" on paper). */
export async function acceptQuoteForClient(db: Db, actor: Actor, id: string, name: string, today: string): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await visibleQuote(tx, actor, id, { lock: true });
    await applyQuoteAction(tx, actor, row, 'accept', { today, role: roleOf(actor) }, { acceptedByName: name, acceptedIp: null });
  });
}

export async function refuseQuoteForClient(db: Db, actor: Actor, id: string, reason: string | null | undefined, today: string): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await visibleQuote(tx, actor, id, { lock: true });
    await applyQuoteAction(tx, actor, row, 'refuse', { today, role: roleOf(actor) }, { refusalReason: reason ?? null });
  });
}
