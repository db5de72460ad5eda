import { z } from 'zod';
import { bilingual } from '../../platform/http/messages.js';
import { sortQuery } from '../../platform/http/list-sort.js';
import { pageOf, pageQuery } from '../../platform/http/pagination.js';
import { PAYMENT_MODES, PAYMENT_ORIGINS } from './schema.js';

export const paymentMode = z.enum(PAYMENT_MODES);
export type PaymentModeValue = z.infer<typeof paymentMode>;

export const allocationInput = z.object({
  invoiceId: z.uuid(),
  amountCents: z.number().int().positive(bilingual({ fr: 'Le montant imputé doit être positif.', en: 'The amount allocated must be positive.' })),
});

export const recordPaymentBody = z.object({
  clientId: z.uuid(),
  date: z.iso.date(),
  amountCents: z.number().int().positive(bilingual({ fr: 'Le montant doit être positif.', en: 'The amount must be positive.' })).max(100_000_000_000),
  mode: paymentMode,
  reference: z.string().trim().max(200).nullable().optional(),
  /** Omitted: the payment settles the client's invoices oldest due first. */
  allocations: z.array(allocationInput).max(200).optional(),
});
export type RecordPaymentInput = z.infer<typeof recordPaymentBody>;

export const paymentAllocation = z.object({ invoiceId: z.string(), invoiceNumber: z.string(), activityId: z.string(), amountCents: z.number().int() });

/** For a member, her part of the payment: the allocations to her activities' invoices, and their sum as the amount (see `paymentsOf`). */
export const payment = z.object({
  id: z.string(),
  clientId: z.string(),
  clientName: z.string(),
  date: z.iso.date(),
  amountCents: z.number().int(),
  mode: paymentMode,
  reference: z.string().nullable(),
  origin: z.enum(PAYMENT_ORIGINS),
  /** Where the money was booked: 512, or 5112 (cheque) / 530 (cash) until the bank shows it. */
  depositAccount: z.string(),
  /** Reconciled with the bank: its own bank line, or the remittance slip it was handed in with once the bank credited it. */
  reconciled: z.boolean(),
  bankLineId: z.string().nullable(),
  remittanceId: z.string().nullable(),
  remittanceNumber: z.number().int().nullable(),
  entryId: z.string().nullable(),
  status: z.enum(['recorded', 'cancelled']),
  cancelledAt: z.date().nullable(),
  cancelledByName: z.string().nullable(),
  cancelReason: z.string().nullable(),
  allocatedCents: z.number().int(),
  /** Left on the client's account: the payment minus what it settled (0 once cancelled). */
  creditCents: z.number().int(),
  allocations: z.array(paymentAllocation),
  createdAt: z.date(),
});
export type Payment = z.infer<typeof payment>;

/** The columns the payments list sorts by. */
export const PAYMENT_SORTS = ['date', 'amount', 'mode'] as const;
export type PaymentSort = (typeof PAYMENT_SORTS)[number];

const paymentFilters = {
  clientId: z.uuid().optional(),
  /** The payments that settled (part of) this invoice. */
  invoiceId: z.uuid().optional(),
  /** Received on or after this day. */
  from: z.iso.date().optional(),
  /** Received on or before this day. */
  to: z.iso.date().optional(),
  mode: paymentMode.optional(),
  /** `true`: confirmed by a bank statement line (itself or its remittance slip); `false`: not seen on a statement yet. */
  reconciled: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  /** Cheques recorded, not cancelled, in no slip and not reconciled: what a remittance slip can take. */
  remittable: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  ...sortQuery(PAYMENT_SORTS),
};
const fromNotAfterTo = (q: { from?: string | undefined; to?: string | undefined }) => !q.from || !q.to || q.from <= q.to;
const periodMessage = { path: ['to'], message: bilingual({ fr: 'La fin précède le début.', en: 'The end is before the start.' }) };

export const paymentListQuery = pageQuery.extend(paymentFilters).refine(fromNotAfterTo, periodMessage);
export type PaymentListQuery = z.infer<typeof paymentListQuery>;
/** The CSV export takes the list's filters and sort: the file holds the whole filtered set, not a page. */
export const paymentExportQuery = z.object(paymentFilters).refine(fromNotAfterTo, periodMessage);
export type PaymentExportQuery = z.infer<typeof paymentExportQuery>;

/** The sum of the whole filtered set, not of the page shown. */
export const paymentListPage = pageOf(payment).extend({ totals: z.object({ amountCents: z.number().int() }) });
export type PaymentListPage = z.infer<typeof paymentListPage>;

export const paymentIdParams = z.object({ id: z.uuid() });

/** An issued invoice a payment can still settle, for the form that allocates a payment. */
export const openInvoice = z.object({
  id: z.string(),
  number: z.string(),
  clientId: z.string(),
  clientName: z.string(),
  issueDate: z.iso.date(),
  dueDate: z.iso.date(),
  amountLeftCents: z.number().int(),
});
export type OpenInvoice = z.infer<typeof openInvoice>;

export const openInvoicesQuery = z.object({ clientId: z.uuid().optional() });

/** Why a payment is cancelled: required, it stays on the payment and in the audit log. */
export const cancelPaymentBody = z.object({
  reason: z
    .string()
    .trim()
    .min(3, bilingual({ fr: 'Indiquez pourquoi ce paiement est annulé.', en: 'Say why this payment is cancelled.' }))
    .max(500),
});
export type CancelPaymentInput = z.infer<typeof cancelPaymentBody>;

/** Staff group cheques recorded and not yet handed to the bank into one slip. */
export const createRemittanceBody = z.object({
  date: z.iso.date(),
  paymentIds: z
    .array(z.uuid())
    .min(1, bilingual({ fr: 'Choisissez au moins un chèque.', en: 'Choose at least one cheque.' }))
    .max(500),
});
export type CreateRemittanceInput = z.infer<typeof createRemittanceBody>;

export const remittanceCheque = z.object({
  paymentId: z.string(),
  clientName: z.string(),
  date: z.iso.date(),
  reference: z.string().nullable(),
  amountCents: z.number().int(),
});
export const remittance = z.object({
  id: z.string(),
  number: z.number().int(),
  date: z.iso.date(),
  totalCents: z.number().int(),
  chequeCount: z.number().int(),
  status: z.enum(['waiting', 'credited', 'cancelled']),
  bankLineId: z.string().nullable(),
  cheques: z.array(remittanceCheque),
  createdAt: z.date(),
});
export type Remittance = z.infer<typeof remittance>;
export const remittanceListQuery = pageQuery;
