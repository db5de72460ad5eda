import { z } from 'zod';
import { ROLES } from './schema.js';

// The auth API's shapes, shared by the routes and the web client.

const role = z.enum(ROLES);

export const sessionBody = z.object({
  user: z.object({ id: z.string(), email: z.string(), displayName: z.string(), locale: z.enum(['fr', 'en']) }).nullable(),
  coop: z.object({ id: z.string(), name: z.string() }).nullable(),
  roles: z.array(role),
  coops: z.array(z.object({ id: z.string(), name: z.string(), roles: z.array(role) })),
  /**
   * The kind of membership the person holds in the current coop (null: none, e.g. staff), as the
   * module that owns memberships reports it; the menu offers what that kind of member may do.
   */
  membershipType: z.string().nullable(),
  /**
   * Whether the person is billed the coop's monthly member fee (their membership type is billed,
   * or fees are on record for them), as the fees module reports it: the menu offers their fees only then.
   */
  feesBilled: z.boolean(),
  csrfToken: z.string(),
});
export type SessionBody = z.infer<typeof sessionBody>;

/** `hasAccount`: the person already logs in to Mutualise and accepts with their password instead of choosing one. */
export const invitationView = z.object({ email: z.string(), displayName: z.string(), coopName: z.string(), role, hasAccount: z.boolean() });
export type InvitationView = z.infer<typeof invitationView>;
