import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db, Executor } from '../../platform/db/client.js';
import { invalidField } from '../../platform/errors.js';
import type { Actor } from '../../platform/http/context.js';
import type { BankRule, SaveBankRuleInput } from './debit-contract.js';
import { debitAccountOf } from './domain/debit-accounts.js';
import { bankingErrors } from './errors.js';
import { bankRules, type BankRuleRow } from './schema.js';

export const bankRuleView = (r: BankRuleRow): BankRule => ({ id: r.id, labelContains: r.labelContains, account: r.account, activityId: r.activityId, vatRateBp: r.vatRateBp, thirdParty: r.thirdParty });

/**
 * Saves "a label containing X is booked to account Y, on this activity, with this VAT", in
 * the caller's transaction. A rule with the same text is replaced: the last booking staff
 * chose for it is the one proposed next time.
 */
export async function saveBankRuleIn(tx: Executor, actor: Actor, input: SaveBankRuleInput): Promise<BankRule> {
  const account = debitAccountOf(input.account);
  if (!account) throw invalidField('account', { fr: 'Ce compte ne reçoit pas de débit bancaire d’ici.', en: 'This account takes no bank debit from here.' });
  if (account.needsThirdParty && !input.thirdParty) throw invalidField('thirdParty', { fr: 'Nommez le tiers (fournisseur, client).', en: 'Name the third party (supplier, client).' });
  const values = {
    account: input.account,
    activityId: input.activityId ?? null,
    vatRateBp: account.mayDeductVat ? (input.vatRateBp ?? null) : null,
    thirdParty: input.thirdParty ?? null,
  };
  const [before] = await tx.select().from(bankRules).where(and(eq(bankRules.coopId, actor.coopId), eq(bankRules.labelContains, input.labelContains)));
  const [row] = await tx
    .insert(bankRules)
    .values({ coopId: actor.coopId, labelContains: input.labelContains, createdBy: actor.userId, ...values })
    .onConflictDoUpdate({ target: [bankRules.coopId, bankRules.labelContains], set: values })
    .returning();
  await recordAudit(tx, actor, {
    action: before ? 'bank_rule.updated' : 'bank_rule.created',
    entityType: 'bank_rule',
    entityId: row!.id,
    before: before ? bankRuleView(before) : null,
    after: bankRuleView(row!),
  });
  return bankRuleView(row!);
}

export async function saveBankRule(db: Db, actor: Actor, input: SaveBankRuleInput): Promise<BankRule> {
  return db.transaction((tx) => saveBankRuleIn(tx, actor, input));
}

/** Forgets a saved rule (nothing booked with it changes). */
export async function deleteBankRule(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx.delete(bankRules).where(and(eq(bankRules.coopId, actor.coopId), eq(bankRules.id, id))).returning();
    if (!row) throw bankingErrors.BANK_RULE_NOT_FOUND();
    await recordAudit(tx, actor, { action: 'bank_rule.deleted', entityType: 'bank_rule', entityId: id, before: bankRuleView(row) });
  });
}

/** The coop's saved rules, oldest first. */
export async function listBankRules(db: Executor, coopId: string): Promise<BankRule[]> {
  const rows = await db.select().from(bankRules).where(eq(bankRules.coopId, coopId)).orderBy(bankRules.createdAt, bankRules.id);
  return rows.map(bankRuleView);
}
