import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { platformErrors } from '../errors.js';
import { CSRF_COOKIE, SESSION_COOKIE } from '../http/app.js';
import { empty, errorResponses } from '../http/error-shape.js';
import { ROLES } from './schema.js';
import {
  acceptInvitation,
  changePassword,
  coopsOf,
  logIn,
  logOut,
  resolveSession,
  resetPassword,
  SESSION_DAYS,
  switchCoop,
  viewInvitation,
  type NewSession,
} from './service.js';
import { newToken } from './tokens.js';

import { requestPasswordReset } from './request-password-reset.js';
import { invitationView, sessionBody, type SessionBody } from './contract.js';


const email = z.string().trim().email().max(254);
const password = z.string().min(1).max(1024);

export interface AuthRoutesOptions {
  /** The person's kind of membership in a coop, read by the module that owns memberships (platform knows only ids). */
  membershipTypeOf?: (coopId: string, userId: string) => Promise<string | null>;
  /** Whether the person is billed the monthly member fee in a coop, read by the fees module. */
  feesBilledOf?: (coopId: string, userId: string) => Promise<boolean>;
}

export async function authRoutes(fastify: FastifyInstance, options: AuthRoutesOptions = {}): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { database, config, tenants } = app.deps;
  const db = database.db;
  const cookieBase = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: config.secureCookies };

  function setSessionCookies(reply: FastifyReply, session: NewSession) {
    reply.setCookie(SESSION_COOKIE, session.token, { ...cookieBase, maxAge: SESSION_DAYS * 86_400 });
    reply.setCookie(CSRF_COOKIE, session.csrfToken, { ...cookieBase, httpOnly: false, sameSite: 'strict' });
  }

  /** The session as the front end sees it; builds it from the database, never from the cookie. */
  async function describe(req: FastifyRequest, reply: FastifyReply, sessionToken?: string, csrf?: string): Promise<SessionBody> {
    const auth = sessionToken ? await resolveSession(db, sessionToken) : req.auth;
    if (!auth) {
      let token = csrf ?? req.cookies[CSRF_COOKIE];
      if (!token) {
        token = newToken();
        reply.setCookie(CSRF_COOKIE, token, { ...cookieBase, httpOnly: false, sameSite: 'strict' });
      }
      return { user: null, coop: null, roles: [], coops: [], membershipType: null, feesBilled: false, csrfToken: token };
    }
    const memberships = await coopsOf(db, auth.userId);
    const names = await tenants.namesOf(memberships.map((m) => m.coopId));
    return {
      user: { id: auth.userId, email: auth.email, displayName: auth.displayName, locale: auth.locale },
      coop: auth.coopId ? { id: auth.coopId, name: names.get(auth.coopId) ?? '' } : null,
      roles: auth.roles,
      coops: memberships.map((m) => ({ id: m.coopId, name: names.get(m.coopId) ?? '', roles: m.roles })),
      membershipType: auth.coopId && options.membershipTypeOf ? await options.membershipTypeOf(auth.coopId, auth.userId) : null,
      feesBilled: auth.coopId && options.feesBilledOf ? await options.feesBilledOf(auth.coopId, auth.userId) : false,
      csrfToken: auth.csrfToken,
    };
  }

  app.get(
    '/session',
    { config: { access: 'public' }, schema: { tags: ['auth'], summary: 'The current session and its CSRF token', response: { 200: sessionBody } } },
    async (req, reply) => describe(req, reply),
  );

  app.post(
    '/login',
    {
      config: { access: 'public' },
      schema: { tags: ['auth'], summary: 'Log in', body: z.object({ email, password }), response: { 200: sessionBody, ...errorResponses, 429: errorResponses[400] } },
    },
    async (req, reply) => {
      const session = await logIn(db, { ...req.body, ip: req.ip, userAgent: req.headers['user-agent'] });
      if (req.auth) await logOut(db, req.auth.sessionTokenHash);
      setSessionCookies(reply, session);
      return describe(req, reply, session.token);
    },
  );

  app.post('/logout', { config: { access: 'public' }, schema: { tags: ['auth'], summary: 'Log out' } }, async (req, reply) => {
    if (req.auth) await logOut(db, req.auth.sessionTokenHash);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });

  app.post(
    '/switch-coop',
    {
      config: { access: 'session' },
      schema: { tags: ['auth'], summary: 'Act in another cooperative', body: z.object({ coopId: z.string().uuid() }), response: { 200: sessionBody, ...errorResponses } },
    },
    async (req, reply) => {
      if (!req.auth) throw platformErrors.UNAUTHENTICATED();
      await switchCoop(db, req.auth, req.body.coopId);
      return describe(req, reply, req.cookies[SESSION_COOKIE]);
    },
  );

  app.post(
    '/password',
    {
      config: { access: 'session' },
      schema: { tags: ['auth'], summary: 'Change my password', body: z.object({ currentPassword: password, newPassword: password }), response: { 204: empty, ...errorResponses } },
    },
    async (req, reply) => {
      if (!req.auth) throw platformErrors.UNAUTHENTICATED();
      await changePassword(db, req.auth, req.body.currentPassword, req.body.newPassword, req.ip);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/password-reset/request',
    { config: { access: 'public' }, schema: { tags: ['auth'], summary: 'Ask for a password reset link (queued: the same answer, in the same time, for any address)', body: z.object({ email }), response: { 202: empty, ...errorResponses } } },
    async (req, reply) => {
      await requestPasswordReset(db, req.body.email);
      return reply.status(202).send(null);
    },
  );

  app.post(
    '/password-reset/confirm',
    {
      config: { access: 'public' },
      schema: { tags: ['auth'], summary: 'Choose a new password from a reset link', body: z.object({ token: z.string().min(10).max(200), newPassword: password }), response: { 204: empty, ...errorResponses } },
    },
    async (req, reply) => {
      await resetPassword(db, req.body.token, req.body.newPassword, new Date(), req.ip);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/invitations/:token',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Read an invitation',
        params: z.object({ token: z.string().min(10).max(200) }),
        response: { 200: invitationView, ...errorResponses },
      },
    },
    async (req) => {
      const inv = await viewInvitation(db, req.params.token);
      const names = await tenants.namesOf([inv.coopId]);
      return { email: inv.email, displayName: inv.displayName, coopName: names.get(inv.coopId) ?? '', role: inv.role, hasAccount: inv.hasAccount };
    },
  );

  app.post(
    '/invitations/accept',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Accept an invitation: choose a name and password, or confirm with the password of an existing account',
        body: z.object({ token: z.string().min(10).max(200), displayName: z.string().trim().min(1).max(200).optional(), password }),
        response: { 200: sessionBody, ...errorResponses },
      },
    },
    async (req, reply) => {
      const session = await acceptInvitation(db, { ...req.body, ip: req.ip, userAgent: req.headers['user-agent'] });
      setSessionCookies(reply, session);
      return describe(req, reply, session.token);
    },
  );
}
