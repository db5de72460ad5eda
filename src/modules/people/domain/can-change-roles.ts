import type { PersonRole } from '../contract.js';

export type RoleChangeRefusal = 'LAST_ADMIN' | 'OWN_ADMIN_ROLE' | 'MEMBER_FILE_REQUIRED';

export interface RoleChange {
  actorUserId: string;
  targetUserId: string;
  /** The roles the person holds now, and the ones they should hold afterwards. */
  current: readonly PersonRole[];
  next: readonly PersonRole[];
  /** Everyone holding the admin role in the cooperative now (read under lock, see below). */
  admins: readonly string[];
  /** Whether the person has a member file in the cooperative. */
  hasMemberFile: boolean;
}

export type RoleChangeVerdict =
  | { ok: true; granted: PersonRole[]; revoked: PersonRole[] }
  | { ok: false; reason: RoleChangeRefusal };

/**
 * Whether an admin may give a person these roles. A cooperative always keeps an admin (someone
 * must be able to manage access, settings and the audit log); an admin cannot take away their
 * own admin role, so they cannot lock themselves out by mistake; and the member role goes with
 * a member file, which is what "my activities" and "my invoices" hang on.
 *
 * `admins` must be read with the admin rows locked in the transaction that applies the change,
 * so two admins demoting each other at once cannot leave the cooperative without one.
 */
export function canChangeRoles(change: RoleChange): RoleChangeVerdict {
  const granted = change.next.filter((r) => !change.current.includes(r));
  const revoked = change.current.filter((r) => !change.next.includes(r));
  if (revoked.includes('admin')) {
    const remaining = change.admins.filter((id) => id !== change.targetUserId);
    if (remaining.length === 0) return { ok: false, reason: 'LAST_ADMIN' };
    if (change.targetUserId === change.actorUserId) return { ok: false, reason: 'OWN_ADMIN_ROLE' };
  }
  if (granted.includes('member') && !change.hasMemberFile) return { ok: false, reason: 'MEMBER_FILE_REQUIRED' };
  return { ok: true, granted, revoked };
}
