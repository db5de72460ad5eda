import { inArray } from 'drizzle-orm';
import { users } from '../../platform/auth/schema.js';
import { isRowId, refKey, type RecordLabel, type RecordLabeller, type RecordRef } from '../../platform/audit/record-labels.js';
import type { Executor } from '../../platform/db/client.js';
import { activitySummaries } from '../activities/index.js';
import { bankLineSummaries, statementSummaries } from '../banking/index.js';
import { clientNames } from '../clients/index.js';
import { coopNames } from '../coops/index.js';
import { invoiceNumbers } from '../invoicing/index.js';
import { memberNames } from '../members/index.js';
import { paymentSummaries, remittanceSummaries } from '../payments/index.js';
import { quoteNumbers } from '../quotes/index.js';

/** Fields of audited changes that hold ids of records, and the kind of record they name. */
const FIELD_KINDS: Record<string, string> = {
  clientId: 'client',
  clientIds: 'client',
  invoiceId: 'invoice',
  invoiceIds: 'invoice',
  creditNoteId: 'invoice',
  depositInvoiceIds: 'invoice',
  quoteId: 'quote',
  activityId: 'activity',
  activityIds: 'activity',
  memberId: 'member',
  memberIds: 'member',
  paymentId: 'payment',
  paymentIds: 'payment',
  remittanceId: 'payment_remittance',
  statementId: 'bank_statement',
  bankLineId: 'bank_statement_line',
  lineId: 'bank_statement_line',
  userId: 'person',
};

export const kindOfField = (field: string): string | null => FIELD_KINDS[field] ?? null;

/**
 * Labels of the records an audit page names, asked of each owning module once per kind: an
 * invoice or quote by its number (a draft by its client), a payment by its client with its amount
 * and day, a bank line by its label, a remittance slip by its number.
 */
export async function labelRecords(db: Executor, coopId: string, refs: RecordRef[]): Promise<Map<string, RecordLabel>> {
  const idsOf = (kind: string) => [...new Set(refs.filter((r) => r.kind === kind && isRowId(r.id)).map((r) => r.id))];
  const [invoices, quotes, payments, remittances, statements, lines, members, activities, people, coops] = await Promise.all([
    invoiceNumbers(db, coopId, idsOf('invoice')),
    quoteNumbers(db, coopId, idsOf('quote')),
    paymentSummaries(db, coopId, idsOf('payment')),
    remittanceSummaries(db, coopId, idsOf('payment_remittance')),
    statementSummaries(db, coopId, idsOf('bank_statement')),
    bankLineSummaries(db, coopId, idsOf('bank_statement_line')),
    memberNames(db, coopId, idsOf('member')),
    activitySummaries(db, coopId, idsOf('activity')),
    personNames(db, idsOf('person')),
    coopNames(db, idsOf('coop').filter((id) => id === coopId)),
  ]);
  // Drafts and payments are told apart by their client: one more lookup, after the first round.
  const clientIds = [...idsOf('client'), ...[...invoices.values(), ...quotes.values(), ...payments.values()].map((r) => r.clientId)];
  const clients = await clientNames(db, coopId, clientIds);

  const out = new Map<string, RecordLabel>();
  const put = (kind: string, id: string, label: RecordLabel | null) => {
    if (label && label.label) out.set(refKey(kind, id), label);
  };
  for (const [id, inv] of invoices) put('invoice', id, { label: inv.number ?? clients.get(inv.clientId) ?? '' });
  for (const [id, q] of quotes) put('quote', id, { label: q.number ?? clients.get(q.clientId) ?? '' });
  for (const [id, p] of payments) put('payment', id, { label: clients.get(p.clientId) ?? '', amountCents: p.amountCents, on: p.date });
  for (const [id, r] of remittances) put('payment_remittance', id, { label: `n° ${r.number}`, amountCents: r.totalCents, on: r.date });
  for (const [id, s] of statements) put('bank_statement', id, { label: s.reference ?? '', on: s.importedAt.toISOString().slice(0, 10) });
  for (const [id, l] of lines) put('bank_statement_line', id, { label: l.label, amountCents: l.amountCents, on: l.bookingDate });
  for (const [id, name] of members) put('member', id, { label: name });
  for (const [id, a] of activities) put('activity', id, { label: `${a.code} · ${a.name}` });
  for (const [id, name] of people) put('person', id, { label: name });
  for (const [id, name] of coops) put('coop', id, { label: name });
  for (const id of idsOf('client')) put('client', id, clients.has(id) ? { label: clients.get(id)! } : null);
  return out;
}

/**
 * Display names of people the coop's own audit log names (an invitee, a role change): the entry
 * itself says the person was concerned by this coop, as the actor's name already does.
 */
async function personNames(db: Executor, userIds: string[]): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const rows = await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, userIds));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The labeller the audit log is given by the composition root. */
export function recordLabeller(db: Executor): RecordLabeller {
  return { labelsOf: (coopId, refs) => labelRecords(db, coopId, refs), kindOfField };
}
