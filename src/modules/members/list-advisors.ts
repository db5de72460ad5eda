import { peopleOf } from '../../platform/auth/service.js';
import type { Executor } from '../../platform/db/client.js';
import type { AdvisorOption } from './contract.js';

/** The people who may be named advisor of a member: the coop's staff and admins. */
export async function listAdvisors(db: Executor, coopId: string): Promise<AdvisorOption[]> {
  const people = await peopleOf(db, coopId);
  return people.filter((p) => p.roles.includes('staff') || p.roles.includes('admin')).map((p) => ({ userId: p.userId, name: p.displayName }));
}
