import type { Db } from '../../platform/db/client.js';
import { fanOutNotifications } from './fan-out-notifications.js';
import { sendNotificationDigests } from './send-notification-digests.js';

/**
 * The notifications' share of each run of the job runner (a drain, see server.ts): the audit
 * records written since the last run become notifications, then the day's digests leave if
 * due. Both are idempotent by their keys, so the runner's polling is all the schedule they need.
 */
export async function runNotifications(db: Db, opts: { publicUrl: () => string; now?: Date }) {
  const fanOut = await fanOutNotifications(db, { publicUrl: opts.publicUrl() });
  const digests = await sendNotificationDigests(db, { publicUrl: opts.publicUrl(), now: opts.now ?? new Date() });
  return { ...fanOut, digests };
}
