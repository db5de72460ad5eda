import type { Executor } from '../../platform/db/client.js';
import { isStaff, type Actor } from '../../platform/http/context.js';
import { memberIdOfUser } from '../members/index.js';
import { mayTakeAttendance } from './domain/may-take-attendance.js';

/**
 * Who looks at events: the coop's team (admin, staff) run them; a member sees every event of
 * the coop (community life is coop-wide, owned by no activity) but of the registrants only
 * their own registration — unless they host the event.
 */
export interface EventViewer {
  staff: boolean;
  memberId: string | null;
}

export async function eventViewerOf(db: Executor, actor: Actor): Promise<EventViewer> {
  return { staff: isStaff(actor), memberId: await memberIdOfUser(db, actor.coopId, actor.userId) };
}

export const managesEvent = (viewer: EventViewer, event: { hostMemberId: string | null }) => mayTakeAttendance({ isStaff: viewer.staff, actorMemberId: viewer.memberId, hostMemberId: event.hostMemberId });
