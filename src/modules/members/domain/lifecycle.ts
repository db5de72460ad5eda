import { addDays, addMonths } from '../../../platform/calendar/index.js';

/*
 * The path of a member through the cooperative. An entrepreneur-salarié of a CAE tests their
 * project under a CAPE (contrat d'appui au projet d'entreprise, art. L127-1 C. com.), becomes
 * an employee under a CESA (contrat d'entrepreneur salarié associé, art. L7331-2 C. trav.) and,
 * as the law expects within three years, an associate of the SCOP. Independents and coworkers
 * only become active; an independent may also join the capital. Anyone may give notice.
 */

export const MEMBER_STATUSES = ['candidate', 'in_support', 'employee', 'associate', 'active', 'leaving', 'left'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

/** The types a cooperative may host (the coop settings pick among them; the database checks the list). */
export const MEMBERSHIP_TYPES = ['entrepreneur_salarie', 'independent', 'coworker'] as const;
export type MembershipType = (typeof MEMBERSHIP_TYPES)[number];

/** A CAPE lasts at most twelve months, renewable twice: 36 months in all (art. R127-1 C. com.). */
export const CAPE_MAX_MONTHS = 36;

/** The forward moves of each membership type (leaving and its withdrawal apply to all). */
const FORWARD: Record<MembershipType, Partial<Record<MemberStatus, MemberStatus[]>>> = {
  entrepreneur_salarie: {
    candidate: ['in_support', 'employee'],
    // A CAPE may be renewed (a new end date) while it stays within 36 months in all.
    in_support: ['in_support', 'employee'],
    employee: ['associate'],
  },
  independent: { candidate: ['active'], active: ['associate'] },
  coworker: { candidate: ['active'] },
};

/** What the rule needs to know of a member. Dates are 'YYYY-MM-DD'. */
export interface LifecycleState {
  membershipType: MembershipType;
  status: MemberStatus;
  statusSince: string;
  supportStartDate: string | null;
  supportEndDate: string | null;
  noticeDate: string | null;
  leavingDate: string | null;
  /** While leaving: the status held before the notice, to go back to if it is withdrawn. */
  statusBeforeLeaving: MemberStatus | null;
}

export interface TransitionRequest {
  to: MemberStatus;
  effectiveDate: string;
  contractStartDate?: string | null;
  contractEndDate?: string | null;
  noticeDate?: string | null;
  leavingDate?: string | null;
}

export interface LifecycleSettings {
  /** Notice before a member leaves, in months (the coop's `leavingNoticeMonths`). */
  leavingNoticeMonths: number;
}

/** The columns of the member a move sets. */
export interface LifecycleUpdates {
  status: MemberStatus;
  statusSince: string;
  supportStartDate?: string | null;
  supportEndDate?: string | null;
  employmentStartDate?: string | null;
  associateSince?: string | null;
  noticeDate?: string | null;
  leavingDate?: string | null;
}

export type TransitionField = 'to' | 'effectiveDate' | 'contractStartDate' | 'contractEndDate' | 'noticeDate' | 'leavingDate';

export const TRANSITION_REASONS = [
  'not_allowed',
  'before_status_since',
  'required',
  'end_before_start',
  'cape_too_long',
  'leaving_before_notice_period',
  'left_before_leaving_date',
] as const;
export type TransitionReason = (typeof TRANSITION_REASONS)[number];

export type TransitionDecision =
  | { ok: true; updates: LifecycleUpdates }
  | { ok: false; code: 'TRANSITION_NOT_ALLOWED'; reason: 'not_allowed'; field: 'to' }
  | { ok: false; code: 'VALIDATION_FAILED'; reason: Exclude<TransitionReason, 'not_allowed'>; field: TransitionField };

const refuse = (reason: Exclude<TransitionReason, 'not_allowed'>, field: TransitionField): TransitionDecision => ({ ok: false, code: 'VALIDATION_FAILED', reason, field });
const notAllowed: TransitionDecision = { ok: false, code: 'TRANSITION_NOT_ALLOWED', reason: 'not_allowed', field: 'to' };

/** The statuses a member may move to from where they are now. */
export function allowedMoves(state: Pick<LifecycleState, 'membershipType' | 'status' | 'statusBeforeLeaving'>): MemberStatus[] {
  if (state.status === 'left') return [];
  if (state.status === 'leaving') return state.statusBeforeLeaving ? ['left', state.statusBeforeLeaving] : ['left'];
  return [...(FORWARD[state.membershipType][state.status] ?? []), 'leaving'];
}

/** The dates a move asks for, besides its effective date (for the forms that request it). */
export function fieldsOfMove(from: MemberStatus, to: MemberStatus): TransitionField[] {
  // Withdrawing a notice restores the member as they were: nothing new to date but the move.
  if (from === 'leaving') return [];
  if (to === 'in_support') return from === 'in_support' ? ['contractEndDate'] : ['contractStartDate', 'contractEndDate'];
  if (to === 'employee') return ['contractStartDate'];
  if (to === 'leaving') return ['noticeDate', 'leavingDate'];
  return [];
}

/** The earliest day a member who gave notice on `noticeDate` may leave. */
export const earliestLeavingDate = (noticeDate: string, settings: LifecycleSettings) => addMonths(noticeDate, settings.leavingNoticeMonths);

/** The last day a CAPE started on `startDate` may run to. */
export const latestCapeEnd = (startDate: string) => addDays(addMonths(startDate, CAPE_MAX_MONTHS), -1);

/**
 * Decides a move of a member's lifecycle: the columns to set, or why it is refused. Pure; the
 * caller reads the member row under lock and applies the decision in the same transaction, so
 * two moves at once cannot both start from the same status.
 */
export function decideTransition(state: LifecycleState, req: TransitionRequest, settings: LifecycleSettings): TransitionDecision {
  if (!allowedMoves(state).includes(req.to)) return notAllowed;
  // Dates are ISO strings: their lexical order is the calendar order.
  if (req.effectiveDate < state.statusSince) return refuse('before_status_since', 'effectiveDate');
  const effectiveDate = req.effectiveDate;

  if (state.status === 'leaving' && req.to !== 'left') {
    // The notice is withdrawn: the member goes back to where they were.
    return { ok: true, updates: { status: req.to, statusSince: effectiveDate, noticeDate: null, leavingDate: null } };
  }

  switch (req.to) {
    case 'in_support': {
      const renewal = state.status === 'in_support';
      const start = renewal ? state.supportStartDate : req.contractStartDate;
      if (!start) return refuse('required', 'contractStartDate');
      if (!req.contractEndDate) return refuse('required', 'contractEndDate');
      if (req.contractEndDate < start) return refuse('end_before_start', 'contractEndDate');
      if (req.contractEndDate > latestCapeEnd(start)) return refuse('cape_too_long', 'contractEndDate');
      if (renewal) return { ok: true, updates: { status: 'in_support', statusSince: state.statusSince, supportEndDate: req.contractEndDate } };
      return { ok: true, updates: { status: 'in_support', statusSince: effectiveDate, supportStartDate: start, supportEndDate: req.contractEndDate } };
    }
    case 'employee':
      if (!req.contractStartDate) return refuse('required', 'contractStartDate');
      return { ok: true, updates: { status: 'employee', statusSince: effectiveDate, employmentStartDate: req.contractStartDate } };
    case 'associate':
      return { ok: true, updates: { status: 'associate', statusSince: effectiveDate, associateSince: effectiveDate } };
    case 'active':
      return { ok: true, updates: { status: 'active', statusSince: effectiveDate } };
    case 'leaving': {
      if (!req.noticeDate) return refuse('required', 'noticeDate');
      const earliest = earliestLeavingDate(req.noticeDate, settings);
      const leavingDate = req.leavingDate ?? earliest;
      if (leavingDate < earliest) return refuse('leaving_before_notice_period', 'leavingDate');
      return { ok: true, updates: { status: 'leaving', statusSince: effectiveDate, noticeDate: req.noticeDate, leavingDate } };
    }
    case 'left':
      if (state.leavingDate && effectiveDate < state.leavingDate) return refuse('left_before_leaving_date', 'effectiveDate');
      return { ok: true, updates: { status: 'left', statusSince: effectiveDate } };
    case 'candidate':
      return notAllowed;
  }
}
