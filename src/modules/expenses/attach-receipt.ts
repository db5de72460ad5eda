import { and, eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db } from '../../platform/db/client.js';
import { invalidField } from '../../platform/errors.js';
import type { FileStorage } from '../../platform/files/storage.js';
import { unreadableFile } from '../../platform/files/file-errors.js';
import type { Actor } from '../../platform/http/context.js';
import { extensionOf, MAX_RECEIPT_BYTES, receiptKindOf, type ReceiptKind } from './domain/receipt-kind.js';
import { isEditable } from './domain/report-status.js';
import { expensesErrors } from './errors.js';
import { visibleExpenseReport } from './expense-report-access.js';
import { expenseLines, type ExpenseLineRow } from './schema.js';

/**
 * Attaches the receipt of an expense line: a JPEG, PNG or WebP photo or a PDF, known by its
 * content (`receiptKindOf`), 5 MB at most. The bytes are stored first under a new key, then
 * the row names them with their hash; a receipt replaced leaves its old file behind until the
 * row commits, so a failed transaction never loses the receipt the line had.
 */
export async function attachReceipt(db: Db, storage: FileStorage, actor: Actor, reportId: string, lineId: string, file: { bytes: Buffer; fileName: string }): Promise<ExpenseLineRow> {
  if (file.bytes.length === 0) throw invalidField('file', { fr: 'Le fichier est vide.', en: 'The file is empty.' });
  if (file.bytes.length > MAX_RECEIPT_BYTES) throw invalidField('file', { fr: 'Justificatif de 5 Mo au plus.', en: 'Receipt of 5 MB at most.' });
  const kind = receiptKindOf(file.bytes);
  if (!kind) throw invalidField('file', { fr: 'Justificatif en JPEG, PNG, WebP ou PDF seulement (le contenu du fichier est vérifié).', en: 'Receipt as JPEG, PNG, WebP or PDF only (the file content is checked).' });
  // Check what can be checked before writing the file: a refused line stores nothing.
  await db.transaction(async (tx) => {
    const report = await visibleExpenseReport(tx, actor, reportId);
    if (!isEditable(report.status)) throw expensesErrors.EXPENSE_REPORT_WRONG_STATUS();
  });
  const key = `expense-receipts/${actor.coopId}/${randomUUID()}.${extensionOf(kind)}`;
  const stored = await storage.put(key, file.bytes);
  try {
    const { row, previousKey } = await db.transaction(async (tx) => {
      const report = await visibleExpenseReport(tx, actor, reportId, { lock: true });
      if (!isEditable(report.status)) throw expensesErrors.EXPENSE_REPORT_WRONG_STATUS();
      const where = and(eq(expenseLines.coopId, actor.coopId), eq(expenseLines.reportId, reportId), eq(expenseLines.id, lineId));
      const [before] = await tx.select().from(expenseLines).where(where);
      if (!before) throw expensesErrors.EXPENSE_LINE_NOT_FOUND();
      if (before.kind !== 'expense') throw invalidField('file', { fr: "Un trajet au barème kilométrique n'a pas de justificatif d'achat.", en: 'A trip at the mileage scale has no purchase receipt.' });
      const [after] = await tx
        .update(expenseLines)
        .set({ receiptKey: key, receiptSha256: stored.sha256, receiptType: kind, receiptName: file.fileName.slice(0, 255), receiptBytes: stored.size })
        .where(where)
        .returning();
      await recordAudit(tx, actor, { action: 'expense_report.receipt_attached', entityType: 'expense_report', entityId: reportId, before: { expenseLineId: lineId, sha256: before.receiptSha256 }, after: { expenseLineId: lineId, sha256: stored.sha256, type: kind, bytes: stored.size } });
      return { row: after!, previousKey: before.receiptKey };
    });
    if (previousKey) await storage.remove(previousKey).catch(() => undefined);
    return row;
  } catch (err) {
    await storage.remove(key).catch(() => undefined);
    throw err;
  }
}

/** The receipt of a line the actor may read, checked against its recorded hash. */
export async function openReceipt(db: Db, storage: FileStorage, actor: Actor, reportId: string, lineId: string): Promise<{ bytes: Buffer; type: ReceiptKind; fileName: string }> {
  await visibleExpenseReport(db, actor, reportId);
  const [line] = await db
    .select()
    .from(expenseLines)
    .where(and(eq(expenseLines.coopId, actor.coopId), eq(expenseLines.reportId, reportId), eq(expenseLines.id, lineId)));
  if (!line) throw expensesErrors.EXPENSE_LINE_NOT_FOUND();
  if (!line.receiptKey || !line.receiptSha256) throw expensesErrors.EXPENSE_RECEIPT_NOT_FOUND();
  const read = await storage.read(line.receiptKey, { sha256: line.receiptSha256 });
  if (!read.ok) throw unreadableFile(read.problem);
  return { bytes: read.bytes, type: line.receiptType as ReceiptKind, fileName: line.receiptName ?? `justificatif.${extensionOf(line.receiptType as ReceiptKind)}` };
}
