import { describe, expect, it } from 'vitest';
import { canChangeRoles, type RoleChange } from './can-change-roles.js';

const base: RoleChange = {
  actorUserId: 'alice',
  targetUserId: 'bob',
  current: ['staff'],
  next: ['staff'],
  admins: ['alice'],
  hasMemberFile: false,
};

describe('canChangeRoles', () => {
  it('lists the roles granted and revoked', () => {
    expect(canChangeRoles({ ...base, current: ['staff'], next: ['admin'] })).toEqual({ ok: true, granted: ['admin'], revoked: ['staff'] });
  });

  it('lets an admin demote another admin while one remains', () => {
    expect(canChangeRoles({ ...base, current: ['admin'], next: ['staff'], admins: ['alice', 'bob'] })).toMatchObject({ ok: true, revoked: ['admin'] });
  });

  it('never leaves the cooperative without an admin', () => {
    expect(canChangeRoles({ ...base, actorUserId: 'bob', current: ['admin'], next: ['staff'], admins: ['bob'] })).toEqual({ ok: false, reason: 'LAST_ADMIN' });
  });

  it('refuses the last admin even when the lock shows the actor already demoted by someone else', () => {
    // Bob demoted Alice in a concurrent transaction; Alice now tries to demote Bob.
    expect(canChangeRoles({ ...base, current: ['admin'], next: [], admins: ['bob'] })).toEqual({ ok: false, reason: 'LAST_ADMIN' });
  });

  it('does not let an admin remove their own admin role', () => {
    expect(canChangeRoles({ ...base, targetUserId: 'alice', current: ['admin'], next: ['staff'], admins: ['alice', 'bob'] })).toEqual({
      ok: false,
      reason: 'OWN_ADMIN_ROLE',
    });
  });

  it('lets an admin add roles to themselves', () => {
    expect(canChangeRoles({ ...base, targetUserId: 'alice', current: ['admin'], next: ['admin', 'staff'] })).toEqual({ ok: true, granted: ['staff'], revoked: [] });
  });

  it('gives the member role only to a person with a member file', () => {
    expect(canChangeRoles({ ...base, next: ['staff', 'member'] })).toEqual({ ok: false, reason: 'MEMBER_FILE_REQUIRED' });
    expect(canChangeRoles({ ...base, next: ['staff', 'member'], hasMemberFile: true })).toMatchObject({ ok: true, granted: ['member'] });
  });

  it('lets a member keep their role whatever the file', () => {
    expect(canChangeRoles({ ...base, current: ['member'], next: ['member', 'staff'] })).toMatchObject({ ok: true, granted: ['staff'] });
  });

  it('removes every role to take away all access', () => {
    expect(canChangeRoles({ ...base, current: ['staff', 'member'], next: [] })).toEqual({ ok: true, granted: [], revoked: ['staff', 'member'] });
  });
});
