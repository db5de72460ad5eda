import type { Role } from '../../platform/auth/schema.js';
import type { Db, Executor } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { countUnmatchedBankLines } from '../banking/index.js';
import { listInvoices } from '../invoicing/index.js';
import { countMembersByStatus } from '../members/index.js';
import { listPayments } from '../payments/index.js';
import { listQuotes } from '../quotes/index.js';
import { listAdvances } from '../advances/index.js';
import { listMemberInvoices } from '../independents/index.js';
import { listSupplierInvoices } from '../purchases/index.js';
import { listSalaries } from '../salaries/index.js';
import { listExpenseReports } from '../expenses/index.js';
import { countBatchesToApprove, countPayoutsToMake, type PayableSources } from '../payouts/index.js';
import type { WorkQueue } from './contract.js';

/**
 * One line of a dashboard's "waiting for you": who sees it, how many items wait, and the
 * list page that shows exactly them (the same filters, so the count and the list agree).
 * Counts go through the owning module's list, so a member counts only what their activities own.
 */
export interface WorkQueueProvider {
  /** Names the line in the web catalogue (`dashboard.queues.<key>`) and its test id. */
  key: string;
  roles: readonly Role[];
  /** The filtered list, a path of the app. */
  link: string;
  /** Null when the queue does not apply to this coop (a step it does not use): the line is left out. */
  count(db: Executor, actor: Actor, today: string, ctx: WorkQueueContext): Promise<number | null>;
}

/** What the composition root hands the queues that read across modules it wires (the payable sources). */
export interface WorkQueueContext {
  payableSources: PayableSources;
}
const NO_CONTEXT: WorkQueueContext = { payableSources: {} };

const VALIDATORS = ['admin', 'staff'] as const;
const BOOKS = ['accountant'] as const;
const MEMBERS = ['member'] as const;
const page = { page: 1, pageSize: 1, dir: 'asc' } as const;
/** A member's own queues, even for a member who also sits on the team and sees every activity. */
const asMember = (actor: Actor): Actor => ({ ...actor, roles: ['member'] });

/**
 * The dashboards' work queues, in the order they show. Adding one is one entry here (and its
 * label in src/web/modules/dashboard/i18n.*.ts under `queues`).
 */
export const WORK_QUEUES: readonly WorkQueueProvider[] = [
  { key: 'invoicesToValidate', roles: VALIDATORS, link: '/invoices?toValidate=true', count: async (db, a, today) => (await listInvoices(db, a, { ...page, toValidate: true }, today)).total },
  { key: 'quotesToValidate', roles: VALIDATORS, link: '/quotes?status=submitted', count: async (db, a, today) => (await listQuotes(db, a, { ...page, status: 'submitted' }, today)).total },
  { key: 'salariesToValidate', roles: VALIDATORS, link: '/salaries?status=requested', count: async (db, a) => (await listSalaries(db, a, { ...page, status: 'requested' })).total },
  { key: 'advancesToDecide', roles: VALIDATORS, link: '/advances', count: async (db, a) => (await listAdvances(db, a, { status: 'requested' })).length },
  { key: 'memberInvoicesToValidate', roles: [...VALIDATORS, ...BOOKS], link: '/member-invoices', count: async (db, a) => (await listMemberInvoices(db as Db, a, { page: 1, pageSize: 1, status: 'received' })).total },
  { key: 'expenseReportsToValidate', roles: [...VALIDATORS, ...BOOKS], link: '/expenses?status=submitted', count: async (db, a) => (await listExpenseReports(db as Db, a, { page: 1, pageSize: 1, status: 'submitted' })).total },
  { key: 'supplierInvoicesToApprove', roles: [...VALIDATORS, ...BOOKS], link: '/purchases?status=received', count: async (db, a) => (await listSupplierInvoices(db, a, { page: 1, pageSize: 1, status: 'received' })).total },
  { key: 'candidates', roles: VALIDATORS, link: '/members?status=candidate', count: async (db, a) => (await countMembersByStatus(db, a.coopId)).candidate },
  { key: 'bankLinesToReconcile', roles: BOOKS, link: '/bank', count: (db, a) => countUnmatchedBankLines(db, a.coopId) },
  // Transfers: the accountant prepares them; a batch built while the coop asks for a second
  // approval waits for anyone of the money team but its author.
  { key: 'payoutsToMake', roles: BOOKS, link: '/payouts', count: (db, a, _today, ctx) => countPayoutsToMake(db, a.coopId, ctx.payableSources) },
  { key: 'payoutBatchesToApprove', roles: [...VALIDATORS, ...BOOKS], link: '/payouts', count: (db, a) => countBatchesToApprove(db, a.coopId, a.userId) },
  { key: 'paymentsNotReconciled', roles: BOOKS, link: '/payments?reconciled=false', count: async (db, a) => (await listPayments(db, a, { ...page, reconciled: false })).total },
  { key: 'quotesAccepted', roles: MEMBERS, link: '/quotes?status=accepted', count: async (db, a, today) => (await listQuotes(db, asMember(a), { ...page, status: 'accepted' }, today)).total },
  { key: 'invoiceDraftsToFinish', roles: MEMBERS, link: '/invoices?status=draft&toValidate=false', count: async (db, a, today) => (await listInvoices(db, asMember(a), { ...page, status: 'draft', toValidate: false }, today)).total },
  { key: 'quoteDraftsToFinish', roles: MEMBERS, link: '/quotes?status=draft', count: async (db, a, today) => (await listQuotes(db, asMember(a), { ...page, status: 'draft' }, today)).total },
];

/** The queues the actor's roles open, with their counts; a queue with nothing waiting still shows (0), one the coop does not use does not. */
export async function workQueuesOf(db: Executor, actor: Actor, today: string, providers: readonly WorkQueueProvider[] = WORK_QUEUES, ctx: WorkQueueContext = NO_CONTEXT): Promise<WorkQueue[]> {
  const mine = providers.filter((p) => p.roles.some((r) => actor.roles.includes(r)));
  const counts = await Promise.all(mine.map((p) => p.count(db, actor, today, ctx)));
  return mine.flatMap((p, i) => (counts[i] === null ? [] : [{ key: p.key, count: counts[i]!, link: p.link }]));
}
