import { z } from 'zod';
import { pageQuery } from '../../platform/http/pagination.js';
import { OUTBOX_STATUSES } from '../../platform/mail/contract.js';
import { MAX_MIN_GAP_DAYS, type DunningKind } from './domain/dunning-plan.js';
import { DUNNING_PAUSE_REASONS } from './domain/dunning-pause.js';

export { DUNNING_PAUSE_REASONS, type DunningPauseReason } from './domain/dunning-pause.js';

// Shared by the routes and the web client: the API's types are written once, here.

export const DUNNING_KINDS = ['reminder', 'formal_notice', 'recovery'] as const satisfies readonly DunningKind[];

/**
 * 'sent': the mail (with the letter for a formal notice) is queued for the client; whether it
 *   left is the outbox's status (`mailStatus`), never this word;
 * 'skipped': a step that fell due while the job did not run, passed over for a more advanced one;
 * 'no_email': the step is reached but the client has no address to mail, the team must post it;
 * 'recorded': a step that mails nobody (recovery: the invoice goes to the recovery list);
 * 'pending': a formal notice waiting for the team's confirmation, nothing sent yet;
 * 'cancelled': a formal notice the team decided not to send.
 */
export const DUNNING_ACTIONS = ['sent', 'skipped', 'no_email', 'recorded', 'pending', 'cancelled'] as const;
export type DunningAction = (typeof DUNNING_ACTIONS)[number];

export const dunningStep = z.object({
  /** Days after the due date. */
  day: z.number().int().min(1).max(730),
  kind: z.enum(DUNNING_KINDS),
});

const minGapDays = z.number().int().min(0).max(MAX_MIN_GAP_DAYS).describe('Fewest days between two letters about the same invoice');

export const dunningSettings = z.object({
  enabled: z.boolean(),
  steps: z.array(dunningStep).max(10),
  minGapDays,
});
export type DunningSettings = z.infer<typeof dunningSettings>;

/** Without `minGapDays`, the coop's gap stays as it is. */
export const dunningSettingsBody = dunningSettings.extend({ minGapDays: minGapDays.optional() });
export type DunningSettingsBody = z.infer<typeof dunningSettingsBody>;

export const dunningEvent = z.object({
  id: z.string(),
  stepIndex: z.number().int(),
  kind: z.enum(DUNNING_KINDS),
  action: z.enum(DUNNING_ACTIONS),
  dueOn: z.string(),
  amountLeftCents: z.number().int(),
  recipient: z.string().nullable(),
  mailId: z.string().nullable(),
  /** Where its mail stands in the outbox: only 'sent' means it left. Null without a mail. */
  mailStatus: z.enum(OUTBOX_STATUSES).nullable(),
  mailSentAt: z.date().nullable(),
  /** When the team confirmed or cancelled a formal notice. */
  decidedAt: z.date().nullable(),
  /** A formal-notice letter is stored and can be downloaded (to post it as well). */
  hasLetter: z.boolean(),
  /** Null when the scheduler took the step. */
  triggeredBy: z.string().nullable(),
  createdAt: z.date(),
});
export type DunningEvent = z.infer<typeof dunningEvent>;

export const dunningCase = z.object({
  invoiceId: z.string(),
  number: z.string(),
  clientId: z.string(),
  clientName: z.string(),
  activityName: z.string(),
  issueDate: z.string(),
  dueDate: z.string(),
  grossCents: z.number().int(),
  amountLeftCents: z.number().int(),
  /** Paid or credited since: dunning is over for it. */
  settled: z.boolean(),
  inRecovery: z.boolean(),
  /** A pause holds today on the invoice or its client. */
  paused: z.boolean(),
  recoveryExportedAt: z.date().nullable(),
  lastEvent: dunningEvent,
  /** Oldest first. */
  events: z.array(dunningEvent),
});
export type DunningCase = z.infer<typeof dunningCase>;

/** 'pending': formal notices waiting for the team's confirmation (the queue). */
export const DUNNING_CASE_STATES = ['open', 'pending', 'recovery', 'settled', 'all'] as const;
export const dunningCasesQuery = pageQuery.extend({ state: z.enum(DUNNING_CASE_STATES).default('open') });
export type DunningCasesQuery = z.infer<typeof dunningCasesQuery>;

export const dunningRunItem = z.object({
  invoiceId: z.string(),
  number: z.string(),
  clientName: z.string(),
  stepIndex: z.number().int(),
  kind: z.enum(DUNNING_KINDS),
  action: z.enum(DUNNING_ACTIONS),
  mailId: z.string().nullable(),
});
export type DunningRunItem = z.infer<typeof dunningRunItem>;

export const dunningRunResult = z.object({
  coopId: z.string(),
  today: z.string(),
  enabled: z.boolean(),
  items: z.array(dunningRunItem),
});
export type DunningRunResult = z.infer<typeof dunningRunResult>;

export const invoiceIdParams = z.object({ invoiceId: z.uuid() });
export const eventIdParams = z.object({ eventId: z.uuid() });

export const dunningPause = z.object({
  id: z.string(),
  invoiceId: z.string().nullable(),
  clientId: z.string().nullable(),
  reason: z.enum(DUNNING_PAUSE_REASONS),
  note: z.string().nullable(),
  until: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.date(),
  resumedAt: z.date().nullable(),
  /** Holds today (not resumed, its last day not behind). */
  active: z.boolean(),
});
export type DunningPause = z.infer<typeof dunningPause>;

const isoDay = z.iso.date();

export const pauseDunningBody = z
  .object({
    invoiceId: z.uuid().optional(),
    clientId: z.uuid().optional(),
    reason: z.enum(DUNNING_PAUSE_REASONS),
    note: z.string().trim().max(500).nullish(),
    until: isoDay.nullish(),
  })
  .refine((b) => (b.invoiceId === undefined) !== (b.clientId === undefined), { message: 'Give an invoice or a client, not both', path: ['invoiceId'] });
export type PauseDunningBody = z.infer<typeof pauseDunningBody>;

export const dunningPausesQuery = z
  .object({ invoiceId: z.uuid().optional(), clientId: z.uuid().optional() })
  .refine((q) => q.invoiceId !== undefined || q.clientId !== undefined, { message: 'Give an invoice or a client', path: ['invoiceId'] });

/** What dunning holds for one invoice: its steps and the pauses on it or its client. */
export const invoiceDunning = z.object({
  events: z.array(dunningEvent),
  pauses: z.array(dunningPause),
  paused: z.boolean(),
});
export type InvoiceDunning = z.infer<typeof invoiceDunning>;

export const pauseIdParams = z.object({ pauseId: z.uuid() });

/**
 * A mail about one invoice, as the invoice page lists it: the invoice sent to the client, or a
 * dunning step. `mailStatus` is the outbox's: "sent" only once the mail actually left.
 */
export const invoiceMail = z.object({
  source: z.enum(['invoice', ...DUNNING_KINDS]),
  /** For a dunning step: what the run did (a step without an address sends nothing). */
  action: z.enum(DUNNING_ACTIONS).nullable(),
  at: z.date(),
  to: z.string().nullable(),
  subject: z.string().nullable(),
  mailStatus: z.enum(['queued', 'sent', 'failed']).nullable(),
  sentAt: z.date().nullable(),
});
export type InvoiceMail = z.infer<typeof invoiceMail>;
export const invoiceMails = z.object({ items: z.array(invoiceMail) });
