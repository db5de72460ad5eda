import { addDays } from '../../../platform/calendar/index.js';

/**
 * Which dunning step (relance) an overdue invoice needs today.
 *
 * The coop configures its steps as days after the due date, e.g. a reminder at 7 and 30 days,
 * a formal notice (mise en demeure) at 45, recovery at 60. Each step of an invoice happens at
 * most once: its idempotency key `dunning:<invoiceId>:<step index>` goes into a unique column
 * when the step is recorded, so a scheduler run twice, or by two instances at once, sends
 * nothing twice (the second insert fails and its mail is not queued).
 *
 * Catching up (the job did not run for a week and two steps fell due meanwhile): only the
 * LATEST due step is sent, and the earlier ones not done are recorded as skipped, with their
 * own keys so they are never sent later. Sending them all at once would post a client two
 * letters the same morning, a gentle reminder beside a formal notice, which reads as an
 * error and weakens the notice; sending only the earliest would put the coop days behind its
 * own schedule, and the formal notice and recovery dates matter (late-payment penalties,
 * art. L441-10 of the Code de commerce, run from the due date, and recovery needs the notice
 * on record). The latest step is the one the coop would have reached had the job run.
 *
 * An invoice with nothing left to pay (paid, or cancelled by a credit note) gets no step,
 * whatever its dates. Steps are counted in calendar days from the due date; `today` is an
 * argument.
 */

export type DunningKind = 'reminder' | 'formal_notice' | 'recovery';

export interface DunningStep {
  /** Days after the due date. */
  day: number;
  kind: DunningKind;
}

/**
 * The plan a coop starts with: two polite reminders, the formal notice a fortnight after the
 * second, and recovery when the notice's 8 days and a week of post have passed.
 */
export const DEFAULT_DUNNING_STEPS: readonly DunningStep[] = [
  { day: 7, kind: 'reminder' },
  { day: 30, kind: 'reminder' },
  { day: 45, kind: 'formal_notice' },
  { day: 60, kind: 'recovery' },
];

export interface InvoiceToDun {
  id: string;
  /** 'YYYY-MM-DD'. */
  dueDate: string;
  amountLeftCents: number;
  /** Indexes of the steps already recorded (sent or skipped) for this invoice. */
  doneStepIndexes: readonly number[];
}

export interface DunningDecision {
  stepIndex: number;
  kind: DunningKind;
  /** The day this step fell due. */
  dueOn: string;
  action: 'send' | 'skip';
  idempotencyKey: string;
}

export function dunningIdempotencyKey(invoiceId: string, stepIndex: number): string {
  return `dunning:${invoiceId}:${stepIndex}`;
}

/** Checks a coop's steps before they are saved: whole days, strictly increasing, at least one day late. */
export function checkDunningSteps(steps: readonly DunningStep[]): 'days_not_increasing' | 'day_not_positive' | null {
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!;
    if (!Number.isInteger(step.day) || step.day < 1) return 'day_not_positive';
    if (i > 0 && step.day <= steps[i - 1]!.day) return 'days_not_increasing';
  }
  return null;
}

/**
 * The steps to record today, in index order: the earlier missed ones as `skip`, the latest
 * due one as `send`. Empty when nothing is due. Steps before the last one done are never
 * revisited: the escalation only moves forward.
 */
export function planDunning(steps: readonly DunningStep[], invoice: InvoiceToDun, today: string): DunningDecision[] {
  const problem = checkDunningSteps(steps);
  if (problem) throw new RangeError(`dunning steps: ${problem}`);
  if (invoice.amountLeftCents <= 0) return [];

  const lastDone = invoice.doneStepIndexes.length > 0 ? Math.max(...invoice.doneStepIndexes) : -1;
  const due: { stepIndex: number; step: DunningStep; dueOn: string }[] = [];
  steps.forEach((step, stepIndex) => {
    const dueOn = addDays(invoice.dueDate, step.day);
    if (stepIndex > lastDone && dueOn <= today) due.push({ stepIndex, step, dueOn });
  });

  return due.map(({ stepIndex, step, dueOn }, i) => ({
    stepIndex,
    kind: step.kind,
    dueOn,
    action: i === due.length - 1 ? 'send' : 'skip',
    idempotencyKey: dunningIdempotencyKey(invoice.id, stepIndex),
  }));
}
