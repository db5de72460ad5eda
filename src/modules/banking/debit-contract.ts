import { z } from 'zod';
import { bilingual } from '../../platform/http/messages.js';
import { bicSchema, ibanSchema } from '../../platform/identifiers/zod.js';

// Bank accounts, booking of debits, saved rules and the reconciliation statement: shared by the routes and the web client.

const ledgerSubAccount = z
  .string()
  .trim()
  .regex(/^512[0-9]{0,9}$/, { error: bilingual({ fr: 'Un compte 512 ou un sous-compte (5121, 51201…).', en: 'Account 512 or one of its sub-accounts (5121, 51201…).' }) });
const journalCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2,4}$/, { error: bilingual({ fr: 'Code journal : 2 à 4 lettres (BQ, BQA…).', en: 'Journal code: 2 to 4 letters (BQ, BQA…).' }) });
const currency = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, { error: bilingual({ fr: 'Code de devise ISO 4217 (EUR, CHF…).', en: 'ISO 4217 currency code (EUR, CHF…).' }) });
const bic = bicSchema;

export const bankAccount = z.object({
  id: z.string(),
  label: z.string(),
  iban: z.string(),
  otherId: z.string().nullable(),
  bic: z.string().nullable(),
  currency: z.string(),
  ledgerAccount: z.string(),
  journalCode: z.string(),
  statementCount: z.number().int(),
});
export type BankAccount = z.infer<typeof bankAccount>;
export const bankAccountList = z.object({ items: z.array(bankAccount) });

export const createBankAccountBody = z.object({
  label: z.string().trim().min(1).max(100),
  iban: ibanSchema,
  otherId: z.string().trim().min(1).max(34).nullable().optional(),
  bic: bic.nullable().optional(),
  currency: currency.default('EUR'),
  ledgerAccount: ledgerSubAccount.default('512'),
  journalCode: journalCode.default('BQ'),
});
export type CreateBankAccountInput = z.infer<typeof createBankAccountBody>;

export const updateBankAccountBody = z
  .object({
    label: z.string().trim().min(1).max(100),
    iban: ibanSchema,
    otherId: z.string().trim().min(1).max(34).nullable(),
    bic: bic.nullable(),
    currency,
    ledgerAccount: ledgerSubAccount,
    journalCode,
  })
  .partial();
export type UpdateBankAccountInput = z.infer<typeof updateBankAccountBody>;
export const bankAccountParams = z.object({ id: z.uuid() });

export const debitAccountOption = z.object({ number: z.string(), label: z.string(), needsThirdParty: z.boolean(), mayDeductVat: z.boolean() });
export const debitAccountList = z.object({ items: z.array(debitAccountOption) });

/**
 * How staff book a debit: the account, the activity that bears it (none: the coop's own),
 * the deductible VAT as a rate or as the amount on the invoice, the third party for 401/411,
 * and optionally the rule to save so the next such line is proposed the same booking.
 */
export const bookLineBody = z.object({
  account: z.string().trim().regex(/^[0-9]{3,12}$/, { error: bilingual({ fr: 'Numéro de compte du plan comptable.', en: 'Account number of the chart of accounts.' }) }),
  activityId: z.uuid().nullable().optional(),
  vatRateBp: z.number().int().min(0).max(10_000).nullable().optional(),
  vatCents: z.number().int().min(0).max(100_000_000_00).nullable().optional(),
  thirdParty: z.string().trim().min(1).max(100).nullable().optional(),
  saveRule: z.object({ labelContains: z.string().trim().min(2).max(100) }).nullable().optional(),
});
export type BookLineInput = z.infer<typeof bookLineBody>;

export const bankRule = z.object({
  id: z.string(),
  labelContains: z.string(),
  account: z.string(),
  activityId: z.string().nullable(),
  vatRateBp: z.number().int().nullable(),
  thirdParty: z.string().nullable(),
});
export type BankRule = z.infer<typeof bankRule>;
export const bankRuleList = z.object({ items: z.array(bankRule) });
export const saveBankRuleBody = z.object({
  labelContains: z.string().trim().min(2).max(100),
  account: bookLineBody.shape.account,
  activityId: z.uuid().nullable().optional(),
  vatRateBp: z.number().int().min(0).max(10_000).nullable().optional(),
  thirdParty: z.string().trim().min(1).max(100).nullable().optional(),
});
export type SaveBankRuleInput = z.infer<typeof saveBankRuleBody>;
export const bankRuleParams = z.object({ id: z.uuid() });

export const reconciliationQuery = z.object({ date: z.iso.date() });
export const reconciliationStatementView = z.object({
  bankAccount: bankAccount,
  date: z.string(),
  /** The statement whose closing balance is the bank balance. */
  statement: z.object({ id: z.string(), statementRef: z.string().nullable(), lastDate: z.string().nullable() }).nullable(),
  bankBalanceCents: z.number().int().nullable(),
  ledgerBalanceCents: z.number().int(),
  bankOnly: z.array(z.object({ lineId: z.string(), date: z.string(), label: z.string(), amountCents: z.number().int(), status: z.enum(['unmatched', 'ignored']) })),
  ledgerOnly: z.array(z.object({ entryId: z.string(), entryNumber: z.number().int(), date: z.string(), label: z.string(), amountCents: z.number().int() })),
  explainedBalanceCents: z.number().int(),
  differenceCents: z.number().int().nullable(),
});
export type ReconciliationStatementView = z.infer<typeof reconciliationStatementView>;
