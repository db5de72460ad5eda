/**
 * The life of an expense report: the member writes it (draft), submits it; the team returns
 * it for changes with a comment (the member edits and submits again) or validates it (the
 * expenses are booked); the coop pays it. A validated report not yet paid may be cancelled
 * (its entry reversed: money booked is never deleted).
 */
export const EXPENSE_REPORT_STATUSES = ['draft', 'submitted', 'returned', 'validated', 'paid', 'cancelled'] as const;
export type ExpenseReportStatus = (typeof EXPENSE_REPORT_STATUSES)[number];

const MOVES: Record<ExpenseReportStatus, readonly ExpenseReportStatus[]> = {
  draft: ['submitted'],
  submitted: ['returned', 'validated'],
  returned: ['submitted'],
  validated: ['paid', 'cancelled'],
  paid: [],
  cancelled: [],
};

export const mayMoveReport = (from: ExpenseReportStatus, to: ExpenseReportStatus) => MOVES[from].includes(to);

/** The member changes lines only while the report is theirs to write. */
export const isEditable = (status: ExpenseReportStatus) => status === 'draft' || status === 'returned';
