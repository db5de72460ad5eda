import { findUserById } from '../../platform/auth/service.js';
import type { Executor } from '../../platform/db/client.js';

/**
 * Display names of accounts (advisors, who moved a status), asked of the platform one by one:
 * a page names a handful of distinct people, and users are not this module's table to join.
 */
export async function userNames(db: Executor, ids: (string | null | undefined)[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  const names = new Map<string, string>();
  for (const id of unique) {
    const user = await findUserById(db, id);
    if (user) names.set(id, user.displayName);
  }
  return names;
}
