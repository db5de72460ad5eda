import { z } from 'zod';
import type { Role } from '../../platform/auth/schema.js';
import { bilingual } from '../../platform/http/messages.js';
import { pageOf, pageQuery } from '../../platform/http/pagination.js';

// Shared by the routes and the web client: the API's types are written once, here.

export const PERSON_ROLES = ['admin', 'staff', 'accountant', 'member'] as const satisfies readonly Role[];
export type PersonRole = (typeof PERSON_ROLES)[number];
// Named here, not imported from the members module, because the web client reads this file;
// createMember's signature checks at compile time that each one is a membership type.
export const INVITABLE_MEMBERSHIP_TYPES = ['entrepreneur_salarie', 'independent', 'coworker'] as const;

export const person = z.object({
  userId: z.string(),
  email: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(PERSON_ROLES)),
  /** False until the person has chosen a password (accepted an invitation). */
  active: z.boolean(),
  /** When the latest invitation still open expires; null when there is none. */
  invitationExpiresAt: z.date().nullable(),
});
export type Person = z.infer<typeof person>;

export const listPeopleQuery = pageQuery.extend({
  /** Part of the name or of the e-mail address, any case. */
  q: z.string().trim().max(100).optional(),
});
export type ListPeopleQuery = z.infer<typeof listPeopleQuery>;
export const peoplePage = pageOf(person);
export type PeoplePage = z.infer<typeof peoplePage>;

export const invitePerson = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email().max(254)),
  firstName: z.string().trim().min(1).max(100),
  lastName: z.string().trim().min(1).max(100),
  role: z.enum(PERSON_ROLES),
  /** Required when the role is `member`: a member file is opened for them, as a candidate. */
  membershipType: z.enum(INVITABLE_MEMBERSHIP_TYPES).optional(),
});
export type InvitePerson = z.infer<typeof invitePerson>;

export const invitationSent = z.object({
  userId: z.string(),
  /** The member file opened for an invited member, null for other roles. */
  memberId: z.string().nullable(),
  /**
   * Always `invitation`: a link to accept was sent, the same whether the address already opens
   * an account elsewhere or not (the cooperative does not learn it).
   */
  mail: z.enum(['invitation']),
  invitationExpiresAt: z.date().nullable(),
});
export type InvitationSent = z.infer<typeof invitationSent>;

export const userIdParams = z.object({ userId: z.uuid() });

export const setRoles = z.object({
  /** Every role the person holds in the cooperative afterwards; empty removes their access. */
  roles: z.array(z.enum(PERSON_ROLES)).max(PERSON_ROLES.length).refine((r) => new Set(r).size === r.length, {
    message: bilingual({ fr: 'Un rôle est en double.', en: 'A role appears twice.' }),
  }),
});
export type SetRoles = z.infer<typeof setRoles>;

export const invitationResent = z.object({ userId: z.string(), invitationExpiresAt: z.date() });
export type InvitationResent = z.infer<typeof invitationResent>;
