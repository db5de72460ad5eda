import { awaitsAcceptance, peopleOf } from '../../platform/auth/service.js';
import { pendingInvitationsOf } from '../../platform/auth/invitations.js';
import type { Executor } from '../../platform/db/client.js';
import { offsetOf } from '../../platform/http/pagination.js';
import type { ListPeopleQuery, PeoplePage, Person } from './contract.js';

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * The people who hold a role in the cooperative, by name, with whether they have accepted
 * their invitation. The list is the cooperative's staff and members with an account: it is
 * filtered and paged in memory.
 */
export async function listPeople(db: Executor, coopId: string, query: ListPeopleQuery, now: Date = new Date()): Promise<PeoplePage> {
  const needle = query.q ? fold(query.q) : '';
  const everyone = await peopleOf(db, coopId);
  const matching = needle ? everyone.filter((p) => fold(p.displayName).includes(needle) || fold(p.email).includes(needle)) : everyone;
  const start = offsetOf(query);
  const shown = matching.slice(start, start + query.pageSize);
  const pending = await pendingInvitationsOf(db, coopId, shown.filter((p) => !p.active).map((p) => p.userId), now);
  const items: Person[] = shown.map((p) => ({ ...p, roles: [...p.roles].sort(), invitationExpiresAt: pending.get(p.userId) ?? null }));
  return { items, total: matching.length, page: query.page, pageSize: query.pageSize };
}

/** One person of the cooperative as the people list shows them (roles may be empty after a removal). */
export async function personView(db: Executor, coopId: string, user: { id: string; email: string; displayName: string; passwordHash: string | null }, roles: Person['roles'], now: Date): Promise<Person> {
  const active = user.passwordHash !== null && !(await awaitsAcceptance(db, user.id, coopId));
  const pending = active ? new Map<string, Date>() : await pendingInvitationsOf(db, coopId, [user.id], now);
  return {
    userId: user.id,
    email: user.email,
    displayName: user.displayName,
    roles: [...roles].sort(),
    active,
    invitationExpiresAt: pending.get(user.id) ?? null,
  };
}
