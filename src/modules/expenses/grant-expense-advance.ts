import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db } from '../../platform/db/client.js';
import { invalidField } from '../../platform/errors.js';
import type { Actor } from '../../platform/http/context.js';
import { ACCOUNTS, postEntry } from '../ledger/index.js';
import { memberNames } from '../members/index.js';
import { bankAccountOf } from './bank-account-of.js';
import type { GrantExpenseAdvanceBody } from './contract.js';
import { lockMemberAdvances } from './expense-advances.js';
import { reportMemberAndActivity } from './expense-report-access.js';
import { expenseAdvances } from './schema.js';

/**
 * The team gives a member money ahead of expenses and pays it at once: D 4672 on the activity
 * / C 512 (the coop's bank), dated the day paid. The member's next validated reports on that
 * activity settle it before anything is refunded.
 */
export async function grantExpenseAdvance(db: Db, actor: Actor, body: GrantExpenseAdvanceBody, today: string) {
  if (body.paidOn > today) throw invalidField('paidOn', { fr: 'Le paiement ne peut pas être daté après aujourd’hui.', en: 'The payment cannot be dated after today.' });
  return db.transaction(async (tx) => {
    await reportMemberAndActivity(tx, actor, body);
    await lockMemberAdvances(tx, actor.coopId, body.memberId, body.activityId);
    const bank = await bankAccountOf(tx, actor, body.bankAccountId);
    const name = (await memberNames(tx, actor.coopId, [body.memberId])).get(body.memberId) ?? '';
    const label = `Avance sur frais — ${name}`.slice(0, 300);
    const { id: entryId } = await postEntry(tx, actor, {
      journal: bank.journalCode,
      date: body.paidOn,
      label,
      source: { type: 'expense_advance', id: null },
      lines: [
        { account: ACCOUNTS.expenseAdvances, debitCents: body.amountCents, activityId: body.activityId, label },
        { account: bank.ledgerAccount, creditCents: body.amountCents, label: body.reference },
      ],
    });
    const [row] = await tx
      .insert(expenseAdvances)
      .values({ coopId: actor.coopId, memberId: body.memberId, activityId: body.activityId, amountCents: body.amountCents, paidOn: body.paidOn, reference: body.reference, entryId, createdBy: actor.userId })
      .returning();
    await recordAudit(tx, actor, {
      action: 'expense_advance.paid',
      entityType: 'expense_advance',
      entityId: row!.id,
      after: { memberId: body.memberId, activityId: body.activityId, amountCents: body.amountCents, paidOn: body.paidOn, reference: body.reference, entryId },
    });
    return row!;
  });
}
