import { and, asc, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Executor } from '../../platform/db/client.js';
import { bankAccountOf } from '../banking/index.js';
import { ACCOUNTS, postEntry, reverseEntry } from '../ledger/index.js';
import { memberBankDetails } from '../members/index.js';
import { salaryErrors } from './errors.js';
import { salaryRequests } from './schema.js';

/**
 * The net salaries the coop owes (validated, not paid), oldest month first, as payouts offers
 * them for a SEPA transfer to the member's IBAN. The amount is the net booked on 421 at validation.
 */
export async function listSalaryPayables(db: Executor, coopId: string) {
  const rows = await db
    .select()
    .from(salaryRequests)
    .where(and(eq(salaryRequests.coopId, coopId), eq(salaryRequests.status, 'validated'), isNull(salaryRequests.paidOn)))
    .orderBy(asc(salaryRequests.month), asc(salaryRequests.id));
  const payees = await memberBankDetails(db, coopId, [...new Set(rows.map((r) => r.memberId))]);
  return rows
    .filter((r) => r.netCents > 0)
    .map((r) => {
      const payee = payees.get(r.memberId);
      return {
        sourceType: 'salary' as const,
        sourceId: r.id,
        activityId: r.activityId,
        payeeMemberId: r.memberId,
        payeeName: payee?.name ?? '',
        payeeIban: payee?.iban ?? null,
        payeeBic: payee?.bic ?? null,
        amountCents: r.netCents,
        reference: `Salaire ${r.month.slice(0, 7)}`,
        dueOn: null,
      };
    });
}

async function lockedSalary(tx: Executor, coopId: string, id: string) {
  const [row] = await tx.select().from(salaryRequests).where(and(eq(salaryRequests.coopId, coopId), eq(salaryRequests.id, id))).for('update');
  if (!row) throw salaryErrors.SALARY_REQUEST_NOT_FOUND();
  return row;
}

/**
 * The net salary left the bank account `bankAccountId`: D 421 (the net owed, on the activity,
 * as the SA entry credited it) / C that account's 512, in its journal, dated the day paid.
 * Refused (409) when the salary is not owed any more or owed another amount.
 */
export async function markSalaryPaid(
  tx: Executor,
  coopId: string,
  sourceId: string,
  input: { paidOn: string; amountCents: number; bankAccountId: string; actorId: string | null; via: 'sepa_transfer' | 'manual' },
): Promise<{ entryId: string }> {
  const row = await lockedSalary(tx, coopId, sourceId);
  if (row.status !== 'validated' || row.paidOn || row.netCents !== input.amountCents) throw salaryErrors.SALARY_NOT_PAYABLE();
  const bank = await bankAccountOf(tx, coopId, input.bankAccountId);
  const actor = { coopId, userId: input.actorId };
  const name = (await memberBankDetails(tx, coopId, [row.memberId])).get(row.memberId)?.name ?? '';
  const label = `Salaire net ${row.month.slice(0, 7)} — ${name}`.slice(0, 300);
  const entry = await postEntry(tx, actor, {
    journal: bank.journalCode,
    date: input.paidOn,
    label,
    source: { type: 'salary_payment', id: row.id },
    lines: [
      { account: ACCOUNTS.salariesPayable, debitCents: row.netCents, activityId: row.activityId, label },
      { account: bank.ledgerAccount, creditCents: row.netCents, label },
    ],
  });
  await tx
    .update(salaryRequests)
    .set({ paidOn: input.paidOn, paymentEntryId: entry.id, updatedAt: new Date() })
    .where(and(eq(salaryRequests.coopId, coopId), eq(salaryRequests.id, row.id)));
  await recordAudit(tx, actor, {
    action: 'salary.paid',
    entityType: 'salary_request',
    entityId: row.id,
    before: { paidOn: null },
    after: { paidOn: input.paidOn, paymentEntryId: entry.id, netCents: row.netCents, via: input.via, activityId: row.activityId, memberId: row.memberId },
  });
  return { entryId: entry.id };
}

/** The transfer of the net came back: its payment is reversed on the day of the return, and the net is owed again. */
export async function reverseSalaryPayment(tx: Executor, coopId: string, sourceId: string, input: { on: string; actorId: string | null; reason: string }): Promise<{ entryId: string }> {
  const row = await lockedSalary(tx, coopId, sourceId);
  if (!row.paidOn || !row.paymentEntryId) throw salaryErrors.SALARY_NOT_PAYABLE();
  const actor = { coopId, userId: input.actorId };
  const reversal = await reverseEntry(tx, actor, row.paymentEntryId, input.on, `Virement du salaire retourné ${row.month.slice(0, 7)} (${input.reason})`.slice(0, 300));
  await tx
    .update(salaryRequests)
    .set({ paidOn: null, paymentEntryId: null, updatedAt: new Date() })
    .where(and(eq(salaryRequests.coopId, coopId), eq(salaryRequests.id, row.id)));
  await recordAudit(tx, actor, {
    action: 'salary.payment_returned',
    entityType: 'salary_request',
    entityId: row.id,
    before: { paidOn: row.paidOn, paymentEntryId: row.paymentEntryId },
    after: { paidOn: null, reversalEntryId: reversal.id, reason: input.reason, activityId: row.activityId, memberId: row.memberId },
  });
  return { entryId: reversal.id };
}
