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
  /** Indexes of the steps already recorded (sent, skipped, waiting or cancelled) for this invoice. */
  doneStepIndexes: readonly number[];
  /**
   * The day the client was last written to about this invoice (a step that mailed, or was
   * posted by the team), 'YYYY-MM-DD'; null before the first. Skipped steps do not count.
   */
  lastContactOn?: string | null;
  /** A formal notice is waiting for the team's confirmation: nothing moves until they decide. */
  awaitingConfirmation?: boolean;
  /** Dunning is paused on the invoice or its client today (a dispute, a payment plan). */
  paused?: boolean;
}

/** How a coop spaces its steps; see `planDunning`. */
export interface DunningPace {
  /** Fewest whole days between two steps that reach the client for the same invoice. */
  minGapDays: number;
}

/** The gap a coop starts with: a week, time for a payment sent after a reminder to arrive. */
export const DEFAULT_MIN_GAP_DAYS = 7;
export const MAX_MIN_GAP_DAYS = 90;

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

const SEVERITY: Record<DunningKind, number> = { reminder: 0, formal_notice: 1, recovery: 2 };

/**
 * Of several steps due the same day, the position of the one to take: the most severe kind
 * (recovery, then formal notice, then reminder), the latest of that kind. A plan may list a
 * reminder after its formal notice; a late run must not let that reminder bury the notice.
 * -1 when the list is empty.
 */
export function mostAdvancedStep(kinds: readonly DunningKind[]): number {
  let best = -1;
  kinds.forEach((kind, i) => {
    if (best < 0 || SEVERITY[kind] >= SEVERITY[kinds[best]!]) best = i;
  });
  return best;
}

/** Checks the minimum gap before it is saved: whole days, from 0 (no gap) to MAX_MIN_GAP_DAYS. */
export function checkMinGapDays(days: number): 'gap_out_of_range' | null {
  return Number.isInteger(days) && days >= 0 && days <= MAX_MIN_GAP_DAYS ? null : 'gap_out_of_range';
}

/**
 * The steps to record today, in index order: the earlier missed ones as `skip`, the most
 * advanced due one as `send`. Empty when nothing is due. Steps before the last one done are
 * never revisited: the escalation only moves forward.
 *
 * Nothing is due, and nothing is skipped, while:
 * - the invoice or its client is paused (a dispute, a payment plan agreed): writing to a
 *   client who disputes the invoice, or who keeps to a plan, harms the relation and may
 *   weaken the coop's position; the steps that fell due meanwhile are caught up, as above,
 *   when the pause ends;
 * - a formal notice waits for the team's confirmation: the steps after it (recovery) need
 *   the notice on record;
 * - fewer than `minGapDays` days have passed since the client was last written to: two
 *   letters a day apart (a late run took the first reminder the day before the second fell
 *   due) read as a mistake, and a client who paid after the first needs time for the money
 *   to arrive. The step waits for the gap; it is not skipped.
 */
export function planDunning(steps: readonly DunningStep[], invoice: InvoiceToDun, today: string, pace: DunningPace = { minGapDays: 0 }): DunningDecision[] {
  const problem = checkDunningSteps(steps);
  if (problem) throw new RangeError(`dunning steps: ${problem}`);
  if (checkMinGapDays(pace.minGapDays)) throw new RangeError(`dunning gap: ${pace.minGapDays}`);
  if (invoice.amountLeftCents <= 0 || invoice.paused || invoice.awaitingConfirmation) return [];
  if (invoice.lastContactOn && today < addDays(invoice.lastContactOn, pace.minGapDays)) return [];

  const lastDone = invoice.doneStepIndexes.length > 0 ? Math.max(...invoice.doneStepIndexes) : -1;
  const due: { stepIndex: number; step: DunningStep; dueOn: string }[] = [];
  steps.forEach((step, stepIndex) => {
    const dueOn = addDays(invoice.dueDate, step.day);
    if (stepIndex > lastDone && dueOn <= today) due.push({ stepIndex, step, dueOn });
  });

  const chosen = mostAdvancedStep(due.map((d) => d.step.kind));
  return due.map(({ stepIndex, step, dueOn }, i) => ({
    stepIndex,
    kind: step.kind,
    dueOn,
    action: i === chosen ? 'send' : 'skip',
    idempotencyKey: dunningIdempotencyKey(invoice.id, stepIndex),
  }));
}
