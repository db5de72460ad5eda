import { displayNamesOf } from '../../platform/auth/service.js';
import type { Executor } from '../../platform/db/client.js';

/** Display names of accounts (advisors, who moved a status), asked of the platform: users are not this module's table to join. */
export async function userNames(db: Executor, ids: (string | null | undefined)[]): Promise<Map<string, string>> {
  return displayNamesOf(db, ids.filter((id): id is string => Boolean(id)));
}
