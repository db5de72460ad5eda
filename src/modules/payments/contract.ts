import { z } from 'zod';
import { bilingual } from '../../platform/http/messages.js';
import { pageQuery } from '../../platform/http/pagination.js';
import { PAYMENT_MODES } from './schema.js';

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
  bankLineId: z.string().nullable(),
  entryId: z.string().nullable(),
  allocatedCents: z.number().int(),
  /** Left on the client's account: the payment minus what it settled. */
  creditCents: z.number().int(),
  allocations: z.array(paymentAllocation),
  createdAt: z.date(),
});
export type Payment = z.infer<typeof payment>;

export const paymentListQuery = pageQuery.extend({ clientId: z.uuid().optional() });
export type PaymentListQuery = z.infer<typeof paymentListQuery>;

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
