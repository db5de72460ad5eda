import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db } from '../../platform/db/client.js';
import type { JobHandler } from '../../platform/jobs/run-due-jobs.js';
import { ACCOUNTS, JOURNALS, openAccountIfMissing, postEntry } from '../ledger/index.js';
import { loanInstallments, loans } from './schema.js';

/**
 * Takes one installment of a loan from its activity: D 4677 (the coop) / C 4677 (the
 * activity) for the principal, and the interest D 6611 (the activity) / C 7638 (the coop),
 * dated the first day of its month. Runs as a job (see grantLoan): the installment row is
 * locked FOR UPDATE and skipped once posted, so a job that runs twice, or two
 * runners at once, post it once.
 */
export function postLoanInstallmentJob(db: Db): JobHandler {
  return async (job) => {
    const { loanId, seq } = job.payload as { loanId: string; seq: number };
    const actor = { coopId: job.coopId, userId: null };
    await db.transaction(async (tx) => {
      const [installment] = await tx
        .select()
        .from(loanInstallments)
        .where(and(eq(loanInstallments.coopId, job.coopId), eq(loanInstallments.loanId, loanId), eq(loanInstallments.seq, seq)))
        .for('update');
      if (!installment || installment.postedAt) return;
      const [loan] = await tx.select().from(loans).where(and(eq(loans.coopId, job.coopId), eq(loans.id, loanId)));
      if (!loan) return;
      if (installment.interestCents > 0) {
        await openAccountIfMissing(tx, actor, ACCOUNTS.loanInterestCharge, 'Intérêts des emprunts et dettes');
        await openAccountIfMissing(tx, actor, ACCOUNTS.loanInterestIncome, 'Revenus des créances diverses');
      }
      if (installment.principalCents + installment.interestCents === 0) {
        // Nothing to take this month (a tiny loan over many months): marked done, no empty entry.
        await tx.update(loanInstallments).set({ postedAt: new Date() }).where(and(eq(loanInstallments.coopId, job.coopId), eq(loanInstallments.loanId, loanId), eq(loanInstallments.seq, seq)));
        return;
      }
      const label = `Échéance ${seq}/${loan.installmentCount} du prêt`;
      const entry = await postEntry(tx, actor, {
        journal: JOURNALS.misc,
        date: installment.dueDate,
        label,
        source: { type: 'loan_installment', id: loanId },
        lines: [
          ...(installment.principalCents > 0
            ? [
                { account: ACCOUNTS.loansToActivities, debitCents: installment.principalCents },
                { account: ACCOUNTS.loansToActivities, activityId: loan.activityId, creditCents: installment.principalCents },
              ]
            : []),
          ...(installment.interestCents > 0
            ? [
                { account: ACCOUNTS.loanInterestCharge, activityId: loan.activityId, debitCents: installment.interestCents },
                { account: ACCOUNTS.loanInterestIncome, creditCents: installment.interestCents },
              ]
            : []),
        ],
      });
      await tx
        .update(loanInstallments)
        .set({ entryId: entry.id, postedAt: new Date() })
        .where(and(eq(loanInstallments.coopId, job.coopId), eq(loanInstallments.loanId, loanId), eq(loanInstallments.seq, seq)));
      await recordAudit(tx, actor, {
        action: 'loan.repayment_posted',
        entityType: 'loan',
        entityId: loanId,
        after: { seq, principalCents: installment.principalCents, interestCents: installment.interestCents, entryId: entry.id, activityId: loan.activityId },
      });
    });
  };
}
