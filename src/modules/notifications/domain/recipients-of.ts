/**
 * Who is told of an audit record, by its action. An audience is a group of people the
 * fan-out resolves in the coop:
 * - `validators`: admins and advisors (staff), who validate documents and requests;
 * - `accountants`: the accountant role (the bank, the payouts);
 * - `holders`: the members holding the activity the record is about (a shared activity has
 *   several), found from the document or from the record's `activityId(s)`;
 * - `member`: the member the record names (`memberId`).
 * An action absent here notifies nobody: most records (drafts, settings) are nobody's news.
 */
export type Audience = 'validators' | 'accountants' | 'holders' | 'member';

const RULES: Readonly<Record<string, readonly Audience[]>> = {
  // Waiting for validation.
  'invoice.submitted': ['validators'],
  'quote.submitted': ['validators'],
  'salary.requested': ['validators'],
  'advance.requested': ['validators'],
  'member_invoice.received': ['validators'],
  'expense_report.submitted': ['validators'],
  // Happened to a member's documents or money.
  'invoice.validated': ['holders'],
  'invoice.sent_back': ['holders'],
  'invoice.payment_applied': ['holders'],
  'quote.validated': ['holders'],
  'quote.sent_back': ['holders'],
  'quote.accepted': ['holders'],
  'quote.refused': ['holders'],
  'salary.validated': ['holders'],
  'salary.refused': ['holders'],
  'advance.approved': ['holders'],
  'advance.refused': ['holders'],
  'advance.paid': ['holders'],
  'advance.settled': ['holders'],
  'advance.written_off': ['holders'],
  'loan.granted': ['holders'],
  'commission.posted': ['holders'],
  'job.created': ['holders'],
  'member_invoice.paid': ['member', 'holders'],
  'member_fee.billed': ['member'],
  'expense_report.returned': ['member'],
  'expense_report.validated': ['member'],
  'expense_report.paid': ['member'],
  'expense_advance.paid': ['member'],
  // A direct debit of a fee came back: the member owes it again, the team follows it up.
  'member_fee.returned': ['member', 'validators'],
  // A member's collaboration volume crossed the threshold of disguised employment: both sides act.
  'independence.threshold_crossed': ['member', 'validators'],
  // The books.
  'bank_statement.imported': ['accountants'],
  // The account a member's refunds and pay go to changed: those who send the transfers check it.
  'member.bank_details_changed': ['accountants'],
};

export const NOTIFIED_ACTIONS: readonly string[] = Object.keys(RULES);

export function audiencesOf(action: string): readonly Audience[] {
  return RULES[action] ?? [];
}

/** The user ids each audience stands for in the record's coop, resolved by the fan-out. */
export type AudienceMembers = Readonly<Record<Audience, readonly string[]>>;

/**
 * The people told of a record: its audiences' people, each once, never the person who acted
 * (one is not notified of one's own action), in a stable order.
 */
export function recipientsOf(entry: { action: string; actorUserId: string | null }, people: AudienceMembers): string[] {
  const out = new Set<string>();
  for (const audience of audiencesOf(entry.action)) for (const userId of people[audience]) out.add(userId);
  if (entry.actorUserId) out.delete(entry.actorUserId);
  return [...out].sort();
}

/**
 * The ids a record names for its recipients, read from its after values (where the brief asks
 * modules to put them) and, for a change, its before values: `activityId`, `activityIds`,
 * `memberId`, and a job's `participants[].activityId`.
 */
export function namedIdsOf(changes: Record<string, { before: unknown; after: unknown }>): { activityIds: string[]; memberIds: string[] } {
  const activityIds = new Set<string>();
  const memberIds = new Set<string>();
  const str = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
  const take = (field: string, value: unknown) => {
    if (field === 'activityId' && str(value)) activityIds.add(value);
    if (field === 'activityIds' && Array.isArray(value)) for (const v of value) if (str(v)) activityIds.add(v);
    if (field === 'memberId' && str(value)) memberIds.add(value);
    if (field === 'participants' && Array.isArray(value)) {
      for (const p of value) if (p && typeof p === 'object' && str((p as { activityId?: unknown }).activityId)) activityIds.add((p as { activityId: string }).activityId);
    }
  };
  for (const [field, change] of Object.entries(changes)) {
    take(field, change.after);
    take(field, change.before);
  }
  return { activityIds: [...activityIds], memberIds: [...memberIds] };
}
