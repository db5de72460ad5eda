import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import type { FileStorage } from '../../platform/files/storage.js';
import type { Actor } from '../../platform/http/context.js';
import { statementFileName } from './domain/statement-file-name.js';
import { bankingErrors } from './errors.js';
import { bankStatements, type StatementFormat } from './schema.js';

const CONTENT_TYPE: Record<StatementFormat, string> = { camt053: 'application/xml', csv: 'text/csv' };

/** Where the bank's file behind a statement is stored: one copy per statement, named by its id. */
export function statementFileKey(coopId: string, statementId: string): string {
  return `coops/${coopId}/bank-statements/${statementId}`;
}

export interface StatementFile {
  fileName: string;
  contentType: string;
  sha256: string;
  bytes: Buffer;
}

/**
 * The bank's own file behind a statement, as it was imported, for an auditor or the
 * accountant. The bytes are checked against the SHA-256 recorded at import: a file changed
 * or damaged on disk is refused rather than produced as the bank's document.
 */
export async function openStatementFile(db: Executor, storage: FileStorage, actor: Actor, statementId: string): Promise<StatementFile> {
  const [row] = await db
    .select({ id: bankStatements.id, format: bankStatements.format, statementRef: bankStatements.statementRef, fileSha256: bankStatements.fileSha256 })
    .from(bankStatements)
    .where(and(eq(bankStatements.coopId, actor.coopId), eq(bankStatements.id, statementId)));
  if (!row) throw bankingErrors.STATEMENT_NOT_FOUND();
  const read = await storage.read(statementFileKey(actor.coopId, row.id), { sha256: row.fileSha256 });
  if (!read.ok) throw read.problem === 'missing' ? bankingErrors.STATEMENT_FILE_MISSING() : bankingErrors.STATEMENT_FILE_ALTERED();
  return { fileName: statementFileName(row), contentType: CONTENT_TYPE[row.format], sha256: row.fileSha256, bytes: read.bytes };
}
