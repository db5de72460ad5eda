import type { Executor } from '../../platform/db/client.js';
import { isStaff, type Actor } from '../../platform/http/context.js';
import { memberIdOfUser } from '../members/index.js';
import type { DirectoryViewer } from './domain/visible-profile.js';

/**
 * The directory's viewer for a logged-in person: the coop's team (admin, advisors) keep the
 * member file and see it all; everyone else of the coop (members, the accountant) reads as a
 * member, with her own member id when she has one (to see her own profile whole).
 */
export async function directoryViewerOf(db: Executor, actor: Actor): Promise<DirectoryViewer> {
  if (isStaff(actor)) return { kind: 'staff' };
  return { kind: 'member', memberId: await memberIdOfUser(db, actor.coopId, actor.userId) };
}
