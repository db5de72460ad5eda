import { latestAuditEntries } from '../../platform/audit/latest-audit-entries.js';
import { countPendingInvitations } from '../../platform/auth/invitations.js';
import type { Executor } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { activityIdsOfMember, countActivities } from '../activities/index.js';
import { countClients } from '../clients/index.js';
import { accountBalances, ACCOUNTS } from '../ledger/index.js';
import type { MembershipType } from '../coops/index.js';
import { countMembersByStatus, countMembersByType, countPendingDocuments, memberOverviewOfUser, type MemberStatus } from '../members/index.js';
import type { BookFigures, CoopFigures, Dashboard, DashboardMembershipType, DashboardMemberStatus, MemberFigures, RecentChange } from './contract.js';
import { dashboardSectionsFor } from './domain/dashboard-sections.js';

// The contract lists statuses and types for the web client; a status added to the members
// module without being added there fails the build here rather than the response at runtime.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Holds<T extends true> = T;
type StatusesAgree = Holds<Same<MemberStatus, DashboardMemberStatus>>;
type TypesAgree = Holds<Same<MembershipType, DashboardMembershipType>>;

const LATEST_CHANGES = 10;

async function coopFiguresOf(db: Executor, coopId: string): Promise<CoopFigures> {
  const [byStatus, byType, activities, clients, pendingDocuments, pendingInvitations] = await Promise.all([
    countMembersByStatus(db, coopId),
    countMembersByType(db, coopId),
    countActivities(db, coopId),
    countClients(db, coopId),
    countPendingDocuments(db, coopId),
    countPendingInvitations(db, coopId),
  ]);
  const total = Object.values<number>(byStatus).reduce((sum, n) => sum + n, 0);
  return { members: { total, byStatus, byType }, activities, clients, pendingDocuments, pendingInvitations };
}

async function latestChangesOf(db: Executor, coopId: string): Promise<RecentChange[]> {
  const entries = await latestAuditEntries(db, coopId, LATEST_CHANGES);
  return entries.map(({ changes, actorUserId: _, ...entry }) => ({ ...entry, changedFields: Object.keys(changes) }));
}

async function memberFiguresOf(db: Executor, coopId: string, userId: string): Promise<MemberFigures | null> {
  const member = await memberOverviewOfUser(db, coopId, userId);
  if (!member) return null;
  // The member's own figures, even when they also sit on the team and see every activity.
  const own = await activityIdsOfMember(db, coopId, member.id);
  const [activities, clients, missing] = await Promise.all([
    countActivities(db, coopId, own),
    countClients(db, coopId, own),
    countPendingDocuments(db, coopId, member.id),
  ]);
  return {
    memberId: member.id,
    status: member.status,
    statusSince: member.statusSince,
    membershipType: member.membershipType,
    activities,
    clients,
    missingDocuments: { charter: missing.missingCharter > 0, fiscalStatement: missing.missingFiscalStatement > 0 },
  };
}

/** Balances up to today (debit minus credit, by account), and revenue since 1 January. */
async function bookFiguresOf(db: Executor, coopId: string, today: string): Promise<BookFigures> {
  const year = Number(today.slice(0, 4));
  const [toDate, thisYear] = await Promise.all([accountBalances(db, coopId, { to: today }), accountBalances(db, coopId, { from: `${year}-01-01`, to: today })]);
  const balance = (rows: typeof toDate, account: string) => rows.find((r) => r.account === account)?.balanceCents ?? 0;
  return {
    bankCents: balance(toDate, ACCOUNTS.bank),
    receivablesCents: balance(toDate, ACCOUNTS.clientReceivables),
    vatCollectedCents: -balance(toDate, ACCOUNTS.vatCollected),
    revenueCents: -balance(thisYear, ACCOUNTS.serviceRevenue),
    year,
  };
}

/** The figures of the home page, in the sections the actor's roles open (see contract.ts). */
export async function getDashboard(db: Executor, actor: Actor, today: string): Promise<Dashboard> {
  const sections = dashboardSectionsFor(actor.roles);
  const [coop, latestChanges, me, books] = await Promise.all([
    sections.coop ? coopFiguresOf(db, actor.coopId) : undefined,
    sections.latestChanges ? latestChangesOf(db, actor.coopId) : undefined,
    sections.me ? memberFiguresOf(db, actor.coopId, actor.userId) : undefined,
    sections.books ? bookFiguresOf(db, actor.coopId, today) : undefined,
  ]);
  return {
    ...(coop ? { coop } : {}),
    ...(latestChanges ? { latestChanges } : {}),
    ...(me !== undefined ? { me } : {}),
    ...(books ? { books } : {}),
  };
}
