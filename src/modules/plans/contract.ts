import { z } from 'zod';
import { bilingual } from '../../platform/http/messages.js';
import { GRANT_KINDS } from './domain/consume-allowance.js';
import { WEEKDAYS } from './domain/subscription-cycle.js';

// Shared by the routes and the web client: the API's types are written once, here.
export const PLAN_TYPES = ['nomad', 'permanent', 'semi_permanent', 'custom'] as const;
export const RESOURCE_KINDS = ['hot_desk', 'dedicated_desk', 'private_office', 'meeting_room', 'van', 'equipment', 'custom'] as const;
export const PLAN_VAT_RATES_BP = [0, 210, 550, 1000, 2000] as const;
export const MAX_PLAN_CENTS = 10_000_000;
export { GRANT_KINDS, WEEKDAYS };

const isoDate = z.iso.date({ error: bilingual({ fr: 'Date invalide (AAAA-MM-JJ).', en: 'Invalid date (YYYY-MM-DD).' }) });
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: bilingual({ fr: 'Mois invalide (AAAA-MM).', en: 'Invalid month (YYYY-MM).' }) });
const count = (max: number) =>
  z
    .number()
    .int({ error: bilingual({ fr: 'Nombre entier attendu.', en: 'Whole number expected.' }) })
    .min(0, { error: bilingual({ fr: 'Ne peut pas être négatif.', en: 'Cannot be negative.' }) })
    .max(max, { error: bilingual({ fr: `${max} au plus.`, en: `${max} at most.` }) });
const kinds = z.array(z.enum(RESOURCE_KINDS, { error: bilingual({ fr: 'Type de ressource inconnu.', en: 'Unknown resource kind.' }) })).max(RESOURCE_KINDS.length);

export const scheduleDay = z.object({ weekday: z.enum(WEEKDAYS), part: z.enum(['day', 'morning', 'afternoon']) });

const planFields = {
  name: z.string().trim().min(1, { error: bilingual({ fr: 'Nom obligatoire.', en: 'Name required.' }) }).max(120),
  type: z.enum(PLAN_TYPES, { error: bilingual({ fr: 'Type de formule inconnu.', en: 'Unknown plan type.' }) }),
  monthlyPriceCents: count(MAX_PLAN_CENTS),
  vatRateBp: z
    .number()
    .int()
    .refine((r) => (PLAN_VAT_RATES_BP as readonly number[]).includes(r), { error: bilingual({ fr: 'Taux de TVA : 0, 2,1, 5,5, 10 ou 20 %.', en: 'VAT rate: 0, 2.1, 5.5, 10 or 20 %.' }) }),
  includedDayPasses: count(62),
  includedHalfDayPasses: count(124),
  includedCreditMinutes: count(44_640),
  includedCreditCents: count(MAX_PLAN_CENTS),
  passKinds: kinds,
  creditKinds: kinds.nullable(),
  rollover: z.boolean(),
  noticeDays: count(365),
  schedule: z.array(scheduleDay).max(14).nullable(),
  dedicatedResourceId: z.uuid().nullable(),
  active: z.boolean(),
};

export const createPlanBody = z.object({
  ...planFields,
  vatRateBp: planFields.vatRateBp.default(2000),
  includedDayPasses: planFields.includedDayPasses.default(0),
  includedHalfDayPasses: planFields.includedHalfDayPasses.default(0),
  includedCreditMinutes: planFields.includedCreditMinutes.default(0),
  includedCreditCents: planFields.includedCreditCents.default(0),
  passKinds: planFields.passKinds.default(['hot_desk']),
  creditKinds: planFields.creditKinds.default(null),
  rollover: planFields.rollover.default(false),
  noticeDays: planFields.noticeDays.default(30),
  schedule: planFields.schedule.default(null),
  dedicatedResourceId: planFields.dedicatedResourceId.default(null),
  active: planFields.active.default(true),
});
export type CreatePlanBody = z.infer<typeof createPlanBody>;
export const updatePlanBody = z.object(planFields).partial();
export type UpdatePlanBody = z.infer<typeof updatePlanBody>;

export const planView = z.object({
  id: z.string(),
  name: z.string(),
  type: z.enum(PLAN_TYPES),
  monthlyPriceCents: z.number().int(),
  vatRateBp: z.number().int(),
  includedDayPasses: z.number().int(),
  includedHalfDayPasses: z.number().int(),
  includedCreditMinutes: z.number().int(),
  includedCreditCents: z.number().int(),
  passKinds: z.array(z.string()),
  creditKinds: z.array(z.string()).nullable(),
  rollover: z.boolean(),
  noticeDays: z.number().int(),
  schedule: z.array(scheduleDay).nullable(),
  /** Desk days a week of a semi-permanent plan (Mon, Tue + Wed morning = 2.5). */
  daysPerWeek: z.number().nullable(),
  dedicatedResourceId: z.string().nullable(),
  active: z.boolean(),
  subscribers: z.number().int(),
});
export type PlanView = z.infer<typeof planView>;
export const planList = z.object({ items: z.array(planView) });

export const SUBSCRIPTION_STATUSES = ['upcoming', 'active', 'paused', 'ending', 'ended'] as const;
export const subscriptionView = z.object({
  id: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  activityId: z.string(),
  planId: z.string(),
  planName: z.string(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  endRequestedOn: z.string().nullable(),
  /** The open pause's first month, while paused or about to be. */
  pausedFrom: z.string().nullable(),
  status: z.enum(SUBSCRIPTION_STATUSES),
});
export type SubscriptionView = z.infer<typeof subscriptionView>;
export const subscriptionList = z.object({ items: z.array(subscriptionView) });
export const subscriptionListQuery = z.object({ memberId: z.uuid().optional() });

export const subscribeBody = z.object({ memberId: z.uuid(), activityId: z.uuid(), planId: z.uuid(), startsOn: isoDate });
export type SubscribeBody = z.infer<typeof subscribeBody>;
export const pauseBody = z.object({ fromMonth: month });
export const resumeBody = z.object({ fromMonth: month });
/** The day the member gave notice (default today): the plan's notice runs from it. */
export const endBody = z.object({ requestedOn: isoDate.optional() });
export const idParams = z.object({ id: z.uuid() });

export const balanceView = z.object({
  subscription: subscriptionView.nullable(),
  grants: z.array(z.object({ id: z.string(), kind: z.enum(GRANT_KINDS), quantity: z.number().int(), left: z.number().int(), month: z.string(), expiresAt: z.string() })),
  uses: z.array(
    z.object({
      id: z.string(),
      bookingId: z.string(),
      source: z.enum(['booking', 'check_in']),
      kind: z.enum(GRANT_KINDS),
      quantity: z.number().int(),
      coveredMinutes: z.number().int(),
      at: z.string(),
      releasedAt: z.string().nullable(),
    }),
  ),
});
export type BalanceView = z.infer<typeof balanceView>;


export const billingRunBody = z.object({ month });
export const billingItem = z.object({
  id: z.string(),
  sourceKind: z.enum(['plan_fee', 'booking', 'cancellation_fee']),
  sourceId: z.string(),
  month: z.string(),
  memberName: z.string().nullable(),
  activityId: z.string().nullable(),
  label: z.string(),
  netCents: z.number().int(),
  vatRateBp: z.number().int(),
  mode: z.enum(['internal_charge', 'member_invoice', 'client_invoice']),
  clientName: z.string().nullable(),
  /** The ledger entry of an internal charge. */
  entryId: z.string().nullable(),
  /** The invoice: a member's invoice of resources (the fees' page) or a sales invoice to a client. */
  documentId: z.string().nullable(),
  documentNumber: z.string().nullable(),
  createdAt: z.string(),
});
export type BillingItem = z.infer<typeof billingItem>;
export const BILLING_MODES = ['internal_charge', 'member_invoice', 'client_invoice'] as const;
export const billingRunResult = z.object({
  month: z.string(),
  billed: z.number().int(),
  alreadyBilled: z.number().int(),
  /** Bookings left aside: a non-member's when the coop named no activity for them, or one with no activity to charge. */
  skipped: z.number().int(),
  /** What this run billed, per mode (items). */
  byMode: z.object({ internal_charge: z.number().int(), member_invoice: z.number().int(), client_invoice: z.number().int() }),
  /** Invoices this run issued (members' and clients'). */
  invoices: z.number().int(),
  /** Sources that could not be invoiced (e.g. a client whose identity lacks a mandatory mention), with the reason: nothing of them was written. */
  failures: z.array(z.object({ sourceId: z.string(), label: z.string(), reason: z.string() })).max(2000),
});
export type BillingRunResult = z.infer<typeof billingRunResult>;
export const billingItemsQuery = z.object({ month });
export const billingModeTotal = z.object({ mode: z.enum(BILLING_MODES), count: z.number().int(), netCents: z.number().int() });
export const billingItemList = z.object({ items: z.array(billingItem), totalNetCents: z.number().int(), byMode: z.array(billingModeTotal) });
export type BillingItemList = z.infer<typeof billingItemList>;

/** The coop's choice of billing (admin). */
export const resourceBillingSettings = z.object({
  mode: z.enum(['internal_charge', 'member_invoice']).describe('Members: an internal charge on their activity in the ledger, or an invoice (collected by direct debit where they signed a mandate)'),
  clientActivityId: z.uuid().nullable().describe("The activity non-members' bookings are invoiced on (the coop's own)"),
});
export type ResourceBillingSettings = z.infer<typeof resourceBillingSettings>;
