import { and, count, desc, eq, exists, gte, lte, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { offsetOf, type Page } from '../../platform/http/pagination.js';
import { activitySummaries } from '../activities/index.js';
import { accountLabels } from './accounts-service.js';
import type { EntryDetail, EntrySummary, ListEntriesQuery } from './contract.js';
import { ledgerErrors } from './errors.js';
import { journalEntries as e, journalEntryLines as l } from './schema.js';

const summaryColumns = {
  id: e.id,
  number: e.number,
  journalCode: e.journalCode,
  date: e.entryDate,
  label: e.label,
  sourceType: e.sourceType,
  sourceId: e.sourceId,
  reversesEntryId: e.reversesEntryId,
  postedAt: e.postedAt,
  // Qualified by hand: Drizzle leaves columns of a single-table select unqualified, and the
  // inner table's own columns would shadow them.
  totalCents: sql<number>`(select coalesce(sum(x.debit_cents), 0) from ledger_journal_entry_lines x where x.coop_id = ledger_journal_entries.coop_id and x.entry_id = ledger_journal_entries.id)`.mapWith(Number),
  reversedByEntryId: sql<string | null>`(select r.id from ledger_journal_entries r where r.coop_id = ledger_journal_entries.coop_id and r.reverses_entry_id = ledger_journal_entries.id)`,
};

/** Journal entries of the cooperative, latest first, filtered by journal, period, account or activity. */
export async function listEntries(db: Executor, coopId: string, q: ListEntriesQuery): Promise<Page<EntrySummary>> {
  const filters: SQL[] = [eq(e.coopId, coopId)];
  if (q.journal) filters.push(eq(e.journalCode, q.journal));
  if (q.from) filters.push(gte(e.entryDate, q.from));
  if (q.to) filters.push(lte(e.entryDate, q.to));
  if (q.sourceType) filters.push(eq(e.sourceType, q.sourceType));
  if (q.account || q.activityId) {
    const lineFilters: SQL[] = [eq(l.coopId, coopId), sql`${l.entryId} = ledger_journal_entries.id`];
    if (q.account) lineFilters.push(eq(l.accountNumber, q.account));
    if (q.activityId) lineFilters.push(eq(l.activityId, q.activityId));
    filters.push(exists(db.select({ one: sql`1` }).from(l).where(and(...lineFilters))));
  }
  const where = and(...filters);
  const [{ total }] = await db.select({ total: count() }).from(e).where(where);
  const items = await db.select(summaryColumns).from(e).where(where).orderBy(desc(e.entryDate), desc(e.number)).limit(q.pageSize).offset(offsetOf(q));
  return { items, total, page: q.page, pageSize: q.pageSize };
}

/** One entry with its lines; 404 when it is not the cooperative's. */
export async function getEntry(db: Executor, coopId: string, entryId: string): Promise<EntryDetail> {
  const [entry] = await db
    .select(summaryColumns)
    .from(e)
    .where(and(eq(e.coopId, coopId), eq(e.id, entryId)));
  if (!entry) throw ledgerErrors.ENTRY_NOT_FOUND();
  const lines = await db
    .select()
    .from(l)
    .where(and(eq(l.coopId, coopId), eq(l.entryId, entryId)))
    .orderBy(l.lineNo);
  const labels = await accountLabels(db, coopId);
  const activities = await activitySummaries(db, coopId, lines.flatMap((x) => (x.activityId ? [x.activityId] : [])));
  return {
    ...entry,
    lines: lines.map((x) => ({
      lineNo: x.lineNo,
      account: x.accountNumber,
      accountLabel: labels.get(x.accountNumber) ?? '',
      activityId: x.activityId,
      activityCode: x.activityId ? (activities.get(x.activityId)?.code ?? null) : null,
      label: x.label,
      debitCents: x.debitCents,
      creditCents: x.creditCents,
    })),
  };
}
