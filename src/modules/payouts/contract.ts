import { z } from 'zod';
import { bilingual } from '../../platform/http/messages.js';

// Shared by the routes and the web client: the API's types are written once, here.

export const PAYABLE_SOURCE_TYPES = ['expense_report', 'supplier_invoice', 'member_invoice', 'salary'] as const;
export const PAIN001_VERSIONS = ['001.001.09', '001.001.03'] as const;
/** One file holds at most this many transfers: far above a coop's month, and a size every bank takes. */
export const MAX_BATCH_ITEMS = 500;

const isoDate = z.iso.date({ error: bilingual({ fr: 'Date invalide (AAAA-MM-JJ).', en: 'Invalid date (YYYY-MM-DD).' }) });

export const payableView = z.object({
  sourceType: z.enum(PAYABLE_SOURCE_TYPES),
  sourceId: z.string(),
  activityId: z.string().nullable(),
  /** The member paid, when the payee is one: the page links a missing IBAN to their file. */
  payeeMemberId: z.string().nullable(),
  payeeName: z.string(),
  /** Masked: the list shows which account, not the whole number. */
  payeeIbanMasked: z.string().nullable(),
  /** False when the payee gave no valid IBAN: shown, never batched. */
  hasIban: z.boolean(),
  amountCents: z.number().int(),
  reference: z.string(),
  dueOn: z.string().nullable(),
});
export type PayableView = z.infer<typeof payableView>;
export const payableList = z.object({ items: z.array(payableView) });

export const buildBatchBody = z.strictObject({
  bankAccountId: z.uuid({ error: bilingual({ fr: 'Compte bancaire obligatoire.', en: 'Bank account required.' }) }),
  executionDate: isoDate,
  items: z
    .array(z.strictObject({ sourceType: z.enum(PAYABLE_SOURCE_TYPES), sourceId: z.uuid() }), { error: bilingual({ fr: 'Choisissez les paiements.', en: 'Choose the payments.' }) })
    .min(1, { error: bilingual({ fr: 'Choisissez au moins un paiement.', en: 'Choose at least one payment.' }) })
    .max(MAX_BATCH_ITEMS, { error: bilingual({ fr: `${MAX_BATCH_ITEMS} paiements au plus par lot.`, en: `${MAX_BATCH_ITEMS} payments at most per batch.` }) }),
});
export type BuildBatchBody = z.infer<typeof buildBatchBody>;

export const PAYOUT_ITEM_STATUSES = ['pending', 'paid', 'cancelled', 'returned'] as const;
export const PAYOUT_BATCH_STATUSES = ['built', 'approved', 'cancelled'] as const;

export const payoutItemView = z.object({
  id: z.string(),
  sourceType: z.enum(PAYABLE_SOURCE_TYPES),
  sourceId: z.string(),
  payeeName: z.string(),
  payeeIbanMasked: z.string(),
  amountCents: z.number().int(),
  reference: z.string(),
  endToEndId: z.string(),
  status: z.enum(PAYOUT_ITEM_STATUSES),
  paidOn: z.string().nullable(),
  returnReason: z.string().nullable(),
});

export const payoutBatchView = z.object({
  id: z.string(),
  messageId: z.string(),
  bankAccountId: z.string(),
  executionDate: z.string(),
  painVersion: z.enum(PAIN001_VERSIONS),
  status: z.enum(PAYOUT_BATCH_STATUSES),
  needsApproval: z.boolean(),
  /** The file may be downloaded (approved when the coop asks a second approval, not cancelled). */
  downloadable: z.boolean(),
  itemCount: z.number().int(),
  paidCount: z.number().int(),
  totalCents: z.number().int(),
  createdBy: z.string(),
  createdByName: z.string().nullable(),
  createdAt: z.date(),
  approvedBy: z.string().nullable(),
  approvedByName: z.string().nullable(),
  cancelledAt: z.date().nullable(),
});
export type PayoutBatchView = z.infer<typeof payoutBatchView>;
export const payoutBatchDetail = payoutBatchView.extend({ items: z.array(payoutItemView) });
export type PayoutBatchDetail = z.infer<typeof payoutBatchDetail>;
export const payoutBatchList = z.object({ items: z.array(payoutBatchView) });

export const batchParams = z.object({ id: z.uuid() });

export const payoutSettingsView = z.object({ secondApproval: z.boolean(), painVersion: z.enum(PAIN001_VERSIONS) });
export type PayoutSettingsView = z.infer<typeof payoutSettingsView>;
export const updatePayoutSettingsBody = z.strictObject({ secondApproval: z.boolean().optional(), painVersion: z.enum(PAIN001_VERSIONS).optional() });
