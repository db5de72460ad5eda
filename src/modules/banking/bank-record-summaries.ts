import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { bankStatementLines, bankStatements } from './schema.js';

export interface StatementSummary {
  /** The bank's own reference of the statement, when its file gives one. */
  reference: string | null;
  importedAt: Date;
}

export interface BankLineSummary {
  label: string;
  bookingDate: string;
  amountCents: number;
}

/** Reference and import time of bank statements, by id, for screens of other modules. */
export async function statementSummaries(db: Executor, coopId: string, ids: string[]): Promise<Map<string, StatementSummary>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: bankStatements.id, reference: bankStatements.statementRef, importedAt: bankStatements.importedAt })
    .from(bankStatements)
    .where(and(eq(bankStatements.coopId, coopId), inArray(bankStatements.id, [...new Set(ids)])));
  return new Map(rows.map((r) => [r.id, { reference: r.reference, importedAt: r.importedAt }]));
}

/** Label, day and amount of bank statement lines, by id. */
export async function bankLineSummaries(db: Executor, coopId: string, ids: string[]): Promise<Map<string, BankLineSummary>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: bankStatementLines.id, label: bankStatementLines.label, bookingDate: bankStatementLines.bookingDate, amountCents: bankStatementLines.amountCents })
    .from(bankStatementLines)
    .where(and(eq(bankStatementLines.coopId, coopId), inArray(bankStatementLines.id, [...new Set(ids)])));
  return new Map(rows.map((r) => [r.id, { label: r.label, bookingDate: String(r.bookingDate), amountCents: Number(r.amountCents) }]));
}
