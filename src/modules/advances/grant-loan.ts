import { randomUUID } from 'node:crypto';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db } from '../../platform/db/client.js';
import { enqueueJob } from '../../platform/jobs/enqueue-job.js';
import type { Actor } from '../../platform/http/context.js';
import { assertActivitiesExist } from '../activities/index.js';
import { ACCOUNTS, JOURNALS, postEntry } from '../ledger/index.js';
import type { GrantLoanBody } from './contract.js';
import { loanSchedule } from './domain/loan-schedule.js';
import { loanInstallments, loans } from './schema.js';

/** The job kind that takes one installment from the activity, on the first day of its month. */
export const POST_LOAN_INSTALLMENT = 'advances.post_loan_installment';

/**
 * The coop lends to an activity. One OD entry: D 4677 on the activity / C 4677 without
 * activity (the coop's own funds). The pair cancels out in the coop's accounts (the money
 * stays on the coop's bank account) and shows per activity: the activity's 4677 debit balance
 * is what it was lent and still owes, counted in its available treasury, so the grant raises
 * it by the principal and each repayment (the reverse pair) lowers it.
 *
 * The schedule is stored, and one job per installment is queued for the first day of its
 * month (durable: a crash or a restart does not lose it; idempotent: see postLoanInstallment).
 */
export async function grantLoan(db: Db, actor: Actor, input: GrantLoanBody): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    await assertActivitiesExist(tx, actor.coopId, [input.activityId], 'activityId');
    const schedule = loanSchedule({ principalCents: input.principalCents, rateBp: input.rateBp, installments: input.installmentCount, startMonth: input.startMonth });
    // The id is chosen here so that the grant entry can name its source before the row exists.
    const id = randomUUID();
    const entry = await postEntry(tx, actor, {
      journal: JOURNALS.misc,
      date: input.grantDate,
      label: 'Prêt à l’activité',
      source: { type: 'loan', id },
      lines: [
        { account: ACCOUNTS.loansToActivities, activityId: input.activityId, debitCents: input.principalCents },
        { account: ACCOUNTS.loansToActivities, creditCents: input.principalCents },
      ],
    });
    await tx.insert(loans).values({
      coopId: actor.coopId,
      id,
      activityId: input.activityId,
      kind: input.kind,
      principalCents: input.principalCents,
      rateBp: input.rateBp,
      installmentCount: input.installmentCount,
      startMonth: input.startMonth,
      grantDate: input.grantDate,
      note: input.note || null,
      grantedBy: actor.userId,
      grantEntryId: entry.id,
    });
    await tx.insert(loanInstallments).values(
      schedule.map((i) => ({ coopId: actor.coopId, loanId: id, seq: i.seq, month: i.month, dueDate: `${i.month}-01`, principalCents: i.principalCents, interestCents: i.interestCents })),
    );
    for (const i of schedule) {
      await enqueueJob(tx, { coopId: actor.coopId, kind: POST_LOAN_INSTALLMENT, payload: { loanId: id, seq: i.seq }, runAfter: new Date(`${i.month}-01T00:00:00Z`) });
    }
    await recordAudit(tx, actor, {
      action: 'loan.granted',
      entityType: 'loan',
      entityId: id,
      after: { ...input, entryId: entry.id, activityId: input.activityId },
    });
    return { id };
  });
}
