import { and, asc, count, desc, eq, inArray, max, notInArray, sql, type SQL } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db, Executor } from '../../platform/db/client.js';
import { unreadableFile } from '../../platform/files/file-errors.js';
import type { FileStorage } from '../../platform/files/storage.js';
import type { Actor } from '../../platform/http/context.js';
import { offsetOf, type Page } from '../../platform/http/pagination.js';
import { clientIdentityForDocument } from '../clients/index.js';
import { getCoop } from '../coops/index.js';
import { getInvoice, openInvoices } from '../invoicing/index.js';
import type { DunningCase, DunningCasesQuery } from './contract.js';
import { dunningErrors } from './errors.js';
import { eventsWithDelivery, pausesOn } from './invoice-dunning.js';
import { recoveryCsv, type RecoveryRow } from './recovery-csv.js';
import { dunningEvents, recoveryCases, type DunningEventRow } from './schema.js';

async function eventsOf(db: Executor, coopId: string, invoiceIds: string[]): Promise<Map<string, DunningEventRow[]>> {
  const byInvoice = new Map<string, DunningEventRow[]>();
  if (invoiceIds.length === 0) return byInvoice;
  const rows = await db
    .select()
    .from(dunningEvents)
    .where(and(eq(dunningEvents.coopId, coopId), inArray(dunningEvents.invoiceId, invoiceIds)))
    .orderBy(asc(dunningEvents.stepIndex));
  for (const r of rows) byInvoice.set(r.invoiceId, [...(byInvoice.get(r.invoiceId) ?? []), r]);
  return byInvoice;
}

/**
 * The invoices dunning has reached, most recently acted on first: still open, in recovery
 * (open and handed over), settled since (paid or credited), or all.
 */
export async function listDunningCases(db: Executor, actor: Actor, query: DunningCasesQuery, today: string): Promise<Page<DunningCase>> {
  const { coopId } = actor;
  const openIds = (await openInvoices(db, coopId)).map((inv) => inv.id);
  const inRecovery = sql`exists (select 1 from recovery_cases rc where rc.coop_id = ${dunningEvents.coopId} and rc.invoice_id = ${dunningEvents.invoiceId})`;
  const none = sql`false`;
  const filters: SQL[] = [eq(dunningEvents.coopId, coopId)];
  if (query.state === 'open') filters.push(openIds.length ? inArray(dunningEvents.invoiceId, openIds) : none, sql`not ${inRecovery}`);
  if (query.state === 'pending') {
    const waiting = sql`exists (select 1 from dunning_events pe where pe.coop_id = ${dunningEvents.coopId} and pe.invoice_id = ${dunningEvents.invoiceId} and pe.action = 'pending')`;
    filters.push(openIds.length ? inArray(dunningEvents.invoiceId, openIds) : none, waiting);
  }
  if (query.state === 'recovery') filters.push(openIds.length ? inArray(dunningEvents.invoiceId, openIds) : none, inRecovery);
  if (query.state === 'settled' && openIds.length) filters.push(notInArray(dunningEvents.invoiceId, openIds));
  const where = and(...filters);

  const lastAt = max(dunningEvents.createdAt);
  const [pageRows, [total]] = await Promise.all([
    db
      .select({ invoiceId: dunningEvents.invoiceId, lastAt })
      .from(dunningEvents)
      .where(where)
      .groupBy(dunningEvents.invoiceId)
      .orderBy(desc(lastAt), asc(dunningEvents.invoiceId))
      .limit(query.pageSize)
      .offset(offsetOf(query)),
    db.select({ n: count(sql`distinct ${dunningEvents.invoiceId}`) }).from(dunningEvents).where(where),
  ]);
  const ids = pageRows.map((r) => r.invoiceId);
  const events = await eventsOf(db, coopId, ids);
  const cases = ids.length
    ? await db.select().from(recoveryCases).where(and(eq(recoveryCases.coopId, coopId), inArray(recoveryCases.invoiceId, ids)))
    : [];
  const open = new Set(openIds);
  const items: DunningCase[] = [];
  for (const id of ids) {
    const invoice = await getInvoice(db, actor, id);
    const history = await eventsWithDelivery(db, coopId, events.get(id) ?? []);
    const pauses = await pausesOn(db, coopId, { invoiceIds: [id], clientIds: [invoice.clientId] }, today);
    const recovery = cases.find((c) => c.invoiceId === id);
    items.push({
      invoiceId: id,
      number: invoice.number ?? '',
      clientId: invoice.clientId,
      clientName: invoice.clientName,
      activityName: invoice.activityName,
      issueDate: invoice.issueDate ?? '',
      dueDate: invoice.dueDate ?? '',
      grossCents: invoice.grossCents,
      amountLeftCents: Math.max(0, invoice.grossCents - invoice.paidCents - invoice.creditedCents),
      settled: !open.has(id),
      inRecovery: !!recovery && open.has(id),
      paused: open.has(id) && pauses.some((p) => p.active),
      recoveryExportedAt: recovery?.lastExportedAt ?? null,
      lastEvent: history.at(-1)!,
      events: history,
    });
  }
  return { items, total: total?.n ?? 0, page: query.page, pageSize: query.pageSize };
}

/** The recovery file as exported, with what recording its export needs. */
interface RecoveryFile {
  fileName: string;
  csv: string;
  invoiceIds: string[];
  debtorId: string;
  numbers: string[];
}

/**
 * The recovery file of the debtor of an invoice in recovery: every invoice of that client in
 * recovery, one row each (a bailiff takes over a debtor, not a single sheet). Reading it writes
 * nothing (a GET may be fetched again by a browser or a proxy): `recordRecoveryExport` is the
 * explicit act that records who took it out.
 */
export async function exportRecoveryCase(db: Db, actor: Actor, invoiceId: string): Promise<{ fileName: string; csv: string }> {
  const { fileName, csv } = await recoveryFileOf(db, actor, invoiceId);
  return { fileName, csv };
}

/**
 * Records when and by whom the recovery file of a debtor was taken out, since it carries the
 * client's identity out of the platform: on each of its cases, and in the audit log.
 */
export async function recordRecoveryExport(db: Db, actor: Actor, invoiceId: string): Promise<void> {
  const file = await recoveryFileOf(db, actor, invoiceId);
  await db.transaction(async (tx) => {
    await tx
      .update(recoveryCases)
      .set({ lastExportedAt: new Date(), lastExportedBy: actor.userId })
      .where(and(eq(recoveryCases.coopId, actor.coopId), inArray(recoveryCases.invoiceId, file.invoiceIds)));
    await recordAudit(tx, actor, { action: 'dunning.recovery_exported', entityType: 'client', entityId: file.debtorId, after: { invoices: file.numbers } });
  });
}

async function recoveryFileOf(db: Db, actor: Actor, invoiceId: string): Promise<RecoveryFile> {
  const { coopId } = actor;
  const [recovery] = await db.select().from(recoveryCases).where(and(eq(recoveryCases.coopId, coopId), eq(recoveryCases.invoiceId, invoiceId)));
  if (!recovery) throw dunningErrors.RECOVERY_CASE_NOT_FOUND();
  const first = await getInvoice(db, actor, invoiceId);
  const [coop, debtor] = await Promise.all([getCoop(db, coopId), clientIdentityForDocument(db, coopId, first.clientId)]);
  if (!debtor) throw dunningErrors.RECOVERY_CASE_NOT_FOUND();

  const open = new Set((await openInvoices(db, coopId, { clientId: first.clientId })).map((inv) => inv.id));
  const sameDebtor = await db.select().from(recoveryCases).where(eq(recoveryCases.coopId, coopId));
  const caseRows: Array<{ c: typeof recovery; invoice: Awaited<ReturnType<typeof getInvoice>> }> = [];
  for (const c of sameDebtor) {
    if (c.invoiceId !== invoiceId && !open.has(c.invoiceId)) continue;
    const invoice = c.invoiceId === invoiceId ? first : await getInvoice(db, actor, c.invoiceId);
    if (invoice.clientId !== first.clientId) continue;
    caseRows.push({ c, invoice });
  }
  const events = await eventsOf(db, coopId, caseRows.map((r) => r.c.invoiceId));
  const rows: RecoveryRow[] = caseRows.map(({ c, invoice }) => ({
    creditor: { name: coop.name, siren: coop.siren },
    debtor: { name: debtor.name, kind: debtor.kind, siren: debtor.siren, siret: debtor.siret, vatNumber: debtor.vatNumber, email: debtor.email, address: debtor.address },
    invoice: {
      number: invoice.number ?? '',
      issueDate: invoice.issueDate ?? '',
      dueDate: invoice.dueDate ?? '',
      grossCents: invoice.grossCents,
      settledCents: invoice.paidCents + invoice.creditedCents,
      amountLeftCents: Math.max(0, invoice.grossCents - invoice.paidCents - invoice.creditedCents),
    },
    openedOn: c.openedOn,
    steps: (events.get(c.invoiceId) ?? []).map((e) => ({ kind: e.kind, action: e.action, date: e.createdAt.toISOString().slice(0, 10), recipient: e.recipient })),
  }));

  const name = debtor.name.normalize('NFD').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'debiteur';
  return {
    fileName: `recouvrement-${name}.csv`,
    csv: recoveryCsv(rows),
    invoiceIds: rows.length ? caseRows.map((r) => r.c.invoiceId) : [invoiceId],
    debtorId: debtor.id,
    numbers: rows.map((r) => r.invoice.number),
  };
}

/** The formal-notice letter of a step, as stored when it was sent, checked against its SHA-256. */
export async function openFormalNoticeLetter(db: Executor, storage: FileStorage, coopId: string, eventId: string): Promise<{ fileName: string; bytes: Buffer }> {
  const [event] = await db.select().from(dunningEvents).where(and(eq(dunningEvents.coopId, coopId), eq(dunningEvents.id, eventId)));
  if (!event?.letterStorageKey || !event.letterSha256) throw dunningErrors.LETTER_NOT_FOUND();
  // The letter was dated and addressed on the day it was sent: it cannot be drawn again the
  // same, so a damaged copy is refused with words an administrator can act on (a backup).
  const read = await storage.read(event.letterStorageKey, { sha256: event.letterSha256 });
  if (!read.ok) throw unreadableFile(read.problem);
  return { fileName: `mise-en-demeure-${event.idempotencyKey.split(':')[1]!.slice(0, 8)}.pdf`, bytes: read.bytes };
}
