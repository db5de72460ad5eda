import { describe, expect, it } from 'vitest';
import { canAcceptAnswer, canDiscuss, canEdit, canManage, canRead, effectiveVisibility, widensSpace, type SpaceRule } from './knowledge-access.js';

const A = 'coop-a';
const B = 'coop-b';
const C = 'coop-c';
const space = (over: Partial<SpaceRule> = {}): SpaceRule => ({ coopId: A, visibility: 'members', membersCanEdit: false, sharedWithNetwork: false, sharedWithCoopIds: [], ...over });
const staffA = { coopId: A, roles: ['staff'] };
const adminA = { coopId: A, roles: ['admin'] };
const memberA = { coopId: A, roles: ['member'] };
const accountantA = { coopId: A, roles: ['accountant'] };
const memberB = { coopId: B, roles: ['member'] };
const staffB = { coopId: B, roles: ['staff'] };
const anonymous = { coopId: null, roles: [] };

describe('reading the knowledge base', () => {
  it('a member cannot read a staff-only space; staff can', () => {
    expect(canRead(memberA, space({ visibility: 'staff' }))).toBe(false);
    expect(canRead(accountantA, space({ visibility: 'staff' }))).toBe(false);
    expect(canRead(staffA, space({ visibility: 'staff' }))).toBe(true);
    expect(canRead(adminA, space({ visibility: 'staff' }))).toBe(true);
  });

  it('members read members and public spaces', () => {
    expect(canRead(memberA, space())).toBe(true);
    expect(canRead(memberA, space({ visibility: 'public' }))).toBe(true);
  });

  it('an anonymous visitor reads only public pages', () => {
    expect(canRead(anonymous, space({ visibility: 'public' }))).toBe(true);
    expect(canRead(anonymous, space({ visibility: 'members' }))).toBe(false);
    expect(canRead(anonymous, space({ visibility: 'public' }), { visibility: 'members' })).toBe(false);
  });

  it('a book narrows its space, never widens it', () => {
    expect(effectiveVisibility('members', 'staff')).toBe('staff');
    expect(effectiveVisibility('staff', 'public')).toBe('staff');
    expect(effectiveVisibility('public', null)).toBe('public');
    expect(canRead(memberA, space(), { visibility: 'staff' })).toBe(false);
    expect(canRead(memberA, space({ visibility: 'staff' }), { visibility: 'public' })).toBe(false);
    expect(widensSpace('staff', 'members')).toBe(true);
    expect(widensSpace('members', 'staff')).toBe(false);
    expect(widensSpace('members', null)).toBe(false);
  });

  it('another coop reads a space only when it is shared with it, at its own level', () => {
    expect(canRead(memberB, space())).toBe(false);
    expect(canRead(memberB, space({ sharedWithCoopIds: [B] }))).toBe(true);
    expect(canRead({ coopId: C, roles: ['member'] }, space({ sharedWithCoopIds: [B] }))).toBe(false);
    expect(canRead({ coopId: C, roles: ['member'] }, space({ sharedWithNetwork: true }))).toBe(true);
    expect(canRead(memberB, space({ visibility: 'staff', sharedWithCoopIds: [B] }))).toBe(false);
    expect(canRead(staffB, space({ visibility: 'staff', sharedWithCoopIds: [B] }))).toBe(true);
  });
});

describe('editing the knowledge base', () => {
  it('staff edit everything of their coop', () => {
    expect(canEdit(staffA, space({ visibility: 'staff' }))).toBe(true);
    expect(canManage(staffA, space())).toBe(true);
  });

  it('members edit only spaces marked "members may edit", and only pages they can read', () => {
    expect(canEdit(memberA, space())).toBe(false);
    expect(canEdit(memberA, space({ membersCanEdit: true }))).toBe(true);
    expect(canEdit(memberA, space({ membersCanEdit: true }), { visibility: 'staff' })).toBe(false);
    expect(canManage(memberA, space({ membersCanEdit: true }))).toBe(false);
  });

  it('a shared space is read-only to the coops it is shared with, even to their staff', () => {
    const shared = space({ membersCanEdit: true, sharedWithCoopIds: [B] });
    expect(canEdit(staffB, shared)).toBe(false);
    expect(canEdit(memberB, shared)).toBe(false);
    expect(canManage(staffB, shared)).toBe(false);
    expect(canDiscuss(memberB, shared)).toBe(false);
    expect(canDiscuss(memberA, shared)).toBe(true);
  });

  it('an anonymous visitor never edits nor asks', () => {
    expect(canEdit(anonymous, space({ visibility: 'public', membersCanEdit: true }))).toBe(false);
    expect(canDiscuss(anonymous, space({ visibility: 'public' }))).toBe(false);
  });

  it('the asker or staff accept an answer, nobody else', () => {
    const question = { coopId: A, authorUserId: 'u-asker' };
    expect(canAcceptAnswer({ ...memberA, userId: 'u-asker' }, question)).toBe(true);
    expect(canAcceptAnswer({ ...memberA, userId: 'u-other' }, question)).toBe(false);
    expect(canAcceptAnswer({ ...staffA, userId: 'u-staff' }, question)).toBe(true);
    expect(canAcceptAnswer({ ...staffB, userId: 'u-asker' }, question)).toBe(false);
  });
});
