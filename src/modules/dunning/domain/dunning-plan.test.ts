import { describe, expect, it } from 'vitest';
import { checkDunningSteps, checkMinGapDays, mostAdvancedStep, planDunning, type DunningStep, type InvoiceToDun } from './dunning-plan.js';

const steps: DunningStep[] = [
  { day: 7, kind: 'reminder' },
  { day: 30, kind: 'reminder' },
  { day: 45, kind: 'formal_notice' },
  { day: 60, kind: 'recovery' },
];
const invoice = (more: Partial<InvoiceToDun> = {}): InvoiceToDun => ({ id: 'inv-1', dueDate: '2026-03-01', amountLeftCents: 120_00, doneStepIndexes: [], ...more });

describe('dunning plan', () => {
  it('nothing is sent before the first step’s day', () => {
    expect(planDunning(steps, invoice(), '2026-03-07')).toEqual([]);
  });

  it('the first reminder is due seven days after the due date, with its idempotency key', () => {
    expect(planDunning(steps, invoice(), '2026-03-08')).toEqual([
      { stepIndex: 0, kind: 'reminder', dueOn: '2026-03-08', action: 'send', idempotencyKey: 'dunning:inv-1:0' },
    ]);
  });

  it('a step already recorded is not sent again, so a second run the same day sends nothing', () => {
    expect(planDunning(steps, invoice({ doneStepIndexes: [0] }), '2026-03-08')).toEqual([]);
    expect(planDunning(steps, invoice({ doneStepIndexes: [0] }), '2026-03-20')).toEqual([]);
  });

  it('two runs on the same data give the same keys, so the unique column stops the double', () => {
    const first = planDunning(steps, invoice(), '2026-03-08');
    const second = planDunning(steps, invoice(), '2026-03-08');
    expect(second.map((d) => d.idempotencyKey)).toEqual(first.map((d) => d.idempotencyKey));
  });

  it('after a missed week, only the latest due step is sent and the earlier one is recorded as skipped', () => {
    // Reminder 2 fell due on 31 March and the formal notice on 15 April; the job next runs on 16 April.
    expect(planDunning(steps, invoice({ doneStepIndexes: [0] }), '2026-04-16')).toEqual([
      { stepIndex: 1, kind: 'reminder', dueOn: '2026-03-31', action: 'skip', idempotencyKey: 'dunning:inv-1:1' },
      { stepIndex: 2, kind: 'formal_notice', dueOn: '2026-04-15', action: 'send', idempotencyKey: 'dunning:inv-1:2' },
    ]);
  });

  it('exactly one step is sent per run, however late the job is', () => {
    const decisions = planDunning(steps, invoice(), '2026-12-31');
    expect(decisions.filter((d) => d.action === 'send')).toEqual([
      { stepIndex: 3, kind: 'recovery', dueOn: '2026-04-30', action: 'send', idempotencyKey: 'dunning:inv-1:3' },
    ]);
    expect(decisions.filter((d) => d.action === 'skip').map((d) => d.stepIndex)).toEqual([0, 1, 2]);
  });

  it('the escalation never goes back to a step before the last one done', () => {
    expect(planDunning(steps, invoice({ doneStepIndexes: [2] }), '2026-04-20')).toEqual([]);
  });

  it('a paid or fully credited invoice gets no step', () => {
    expect(planDunning(steps, invoice({ amountLeftCents: 0 }), '2026-12-31')).toEqual([]);
  });

  it('a partly paid invoice is still dunned for what is left', () => {
    expect(planDunning(steps, invoice({ amountLeftCents: 1 }), '2026-03-08')).toHaveLength(1);
  });

  it('a coop with no steps sends nothing', () => {
    expect(planDunning([], invoice(), '2026-12-31')).toEqual([]);
  });

  it('steps must be whole days after the due date, in increasing order', () => {
    expect(checkDunningSteps(steps)).toBeNull();
    expect(checkDunningSteps([{ day: 30, kind: 'reminder' }, { day: 7, kind: 'reminder' }])).toBe('days_not_increasing');
    expect(checkDunningSteps([{ day: 0, kind: 'reminder' }])).toBe('day_not_positive');
    expect(() => planDunning([{ day: 7, kind: 'reminder' }, { day: 7, kind: 'formal_notice' }], invoice(), '2026-04-01')).toThrow(RangeError);
  });

  it('of several steps due the same day, only the most advanced is sent, even when the plan lists a reminder after the notice', () => {
    const odd: DunningStep[] = [
      { day: 7, kind: 'reminder' },
      { day: 20, kind: 'formal_notice' },
      { day: 25, kind: 'reminder' },
    ];
    const decisions = planDunning(odd, invoice(), '2026-03-30');
    expect(decisions.filter((d) => d.action === 'send').map((d) => [d.stepIndex, d.kind])).toEqual([[1, 'formal_notice']]);
    expect(decisions.filter((d) => d.action === 'skip').map((d) => d.stepIndex)).toEqual([0, 2]);
    expect(mostAdvancedStep(['reminder', 'reminder'])).toBe(1);
    expect(mostAdvancedStep(['recovery', 'formal_notice'])).toBe(0);
    expect(mostAdvancedStep([])).toBe(-1);
  });

  it('a step waits until the minimum gap since the last letter has passed, and is not skipped meanwhile', () => {
    // A late run took the first reminder on 30 March; the second fell due on 31 March.
    const gap = { minGapDays: 7 };
    const late = invoice({ doneStepIndexes: [0], lastContactOn: '2026-03-30' });
    expect(planDunning(steps, late, '2026-03-31', gap)).toEqual([]);
    expect(planDunning(steps, late, '2026-04-05', gap)).toEqual([]);
    expect(planDunning(steps, late, '2026-04-06', gap)).toEqual([
      { stepIndex: 1, kind: 'reminder', dueOn: '2026-03-31', action: 'send', idempotencyKey: 'dunning:inv-1:1' },
    ]);
    // Without a gap the second reminder would have left the next day.
    expect(planDunning(steps, late, '2026-03-31')).toHaveLength(1);
  });

  it('a paused invoice gets no step, and the steps due meanwhile are caught up as one when the pause ends', () => {
    expect(planDunning(steps, invoice({ paused: true }), '2026-04-20')).toEqual([]);
    expect(planDunning(steps, invoice({ paused: false }), '2026-04-20').map((d) => d.action)).toEqual(['skip', 'skip', 'send']);
  });

  it('nothing moves while a formal notice waits for the team', () => {
    expect(planDunning(steps, invoice({ doneStepIndexes: [0, 1, 2], awaitingConfirmation: true }), '2026-12-31')).toEqual([]);
  });

  it('the minimum gap is whole days between 0 and 90', () => {
    expect(checkMinGapDays(0)).toBeNull();
    expect(checkMinGapDays(90)).toBeNull();
    expect(checkMinGapDays(-1)).toBe('gap_out_of_range');
    expect(checkMinGapDays(1.5)).toBe('gap_out_of_range');
    expect(checkMinGapDays(91)).toBe('gap_out_of_range');
  });
});
