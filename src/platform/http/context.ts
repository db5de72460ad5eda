import type { FastifyRequest } from 'fastify';
import type { AuditActor } from '../audit/record-audit.js';
import type { AuthContext } from '../auth/service.js';
import type { Role } from '../auth/schema.js';
import { platformErrors } from '../errors.js';

/**
 * Who may call a route: anyone, anyone logged in, or the holders of one of the roles in
 * the cooperative the session acts in. Every /api route must declare it (checked at boot).
 */
export type Access = 'public' | 'session' | readonly Role[];

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    auth: AuthContext | null;
  }
}

/** The acting person inside their current cooperative, for routes guarded by roles. */
export interface Actor extends AuditActor {
  coopId: string;
  userId: string;
  roles: Role[];
  ip: string;
  locale: 'fr' | 'en';
}

export function actorOf(req: FastifyRequest): Actor {
  const auth = req.auth;
  if (!auth) throw platformErrors.UNAUTHENTICATED();
  if (!auth.coopId) throw platformErrors.NO_COOP();
  return { coopId: auth.coopId, userId: auth.userId, roles: auth.roles, ip: req.ip, locale: auth.locale };
}

export const isStaff = (actor: Pick<Actor, 'roles'>) => actor.roles.includes('admin') || actor.roles.includes('staff');
export const isAdmin = (actor: Pick<Actor, 'roles'>) => actor.roles.includes('admin');
