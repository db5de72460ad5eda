import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { resolveSession } from '../auth/service.js';
import type { Config } from '../config.js';
import type { Database } from '../db/client.js';
import { platformErrors } from '../errors.js';
import type { FileStorage } from '../files/storage.js';
import type { JobRunner } from '../jobs/job-runner.js';
import type { RecordLabeller } from '../audit/record-labels.js';
import type { Access } from './context.js';
import { handleError } from './error-handler.js';
import { redactingLogOptions } from './log-redaction.js';
import { assertNoNulCharacter } from './nul-character.js';

export const SESSION_COOKIE = 'mutualise_session';
export const CSRF_COOKIE = 'mutualise_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/** What every route plugin may use; modules receive it through `app.deps`. */
export interface Deps {
  config: Config;
  database: Database;
  storage: FileStorage;
  /** Work queued by a transaction to run after it commits; the composition root registers the handlers. */
  jobs: JobRunner;
  /** Names of cooperatives, provided by the module that owns them (platform knows only ids). */
  tenants: { namesOf(coopIds: string[]): Promise<Map<string, string>> };
  /** Numbers and names of the records the audit log names, provided by the modules that own them. */
  records: RecordLabeller;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: Deps;
  }
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function allowed(access: Access, roles: readonly string[], hasCoop: boolean, loggedIn: boolean): 'ok' | 'login' | 'forbidden' {
  if (access === 'public') return 'ok';
  if (!loggedIn) return 'login';
  if (access === 'session') return 'ok';
  if (!hasCoop) return 'forbidden';
  return access.some((r) => roles.includes(r)) ? 'ok' : 'forbidden';
}

export interface BuildOptions {
  deps: Deps;
  /** Each module's routes; `options` hands a plugin what the composition root wires in (another module's reading). */
  routes: { prefix: string; plugin: (app: FastifyInstance, options: never) => Promise<void>; options?: object }[];
  logger?: FastifyServerOptions['logger'];
}

export async function buildApp({ deps, routes, logger }: BuildOptions): Promise<FastifyInstance> {
  const app = Fastify({
    // Whatever logger is given (a test's stream, the server's level), it masks tokens and SQL parameters.
    logger: logger === false ? false : { level: deps.config.logLevel, ...(typeof logger === 'object' ? logger : {}), ...redactingLogOptions() },
    // A hop count, never `true`: with `true` the left-most X-Forwarded-For, which the client
    // writes, is its address. Fastify reads a bare number as "trust nothing", so the count is a
    // function: hop 0 is the socket's peer, the proxies are the first `trustedProxies` hops.
    trustProxy: deps.config.trustedProxies > 0 ? (_address: string, hop: number) => hop < deps.config.trustedProxies : false,
    bodyLimit: 1024 * 1024,
    // Signed links carry their payload in the path (a client portal token is ~250 characters).
    routerOptions: { maxParamLength: 1000 },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('deps', deps);
  app.decorateRequest('auth', null);
  app.setErrorHandler(handleError);

  // Security headers on every answer, pages and API alike. The built web app loads its scripts
  // and styles from this origin only; Mantine writes style attributes, hence 'unsafe-inline'
  // for styles alone. No page may be framed (the portal's accept page least of all), and HSTS
  // is sent only where the app is served over https (it would lock a plain-http install out).
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    strictTransportSecurity: deps.config.publicUrl.startsWith('https://') ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: deps.config.maxUploadBytes, files: 1 } });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Mutualise API', version: '0.1.0', description: 'The pooled services of a shared enterprise.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
    },
    transform: jsonSchemaTransform,
    // A module's list route is '/' under its prefix: document it as /api/members, not /api/members/.
    transformObject: (doc) => {
      const api = (doc as { openapiObject: { paths?: Record<string, unknown> } }).openapiObject;
      const paths = Object.entries(api.paths ?? {}).map(([p, item]) => [p.length > 1 ? p.replace(/\/$/, '') : p, item]);
      return { ...api, paths: Object.fromEntries(paths) };
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  // Every API route states who may call it; a route that forgets is a boot failure, not a hole.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/') && !route.url.startsWith('/api/docs') && !route.config?.access) {
      throw new Error(`route ${route.method} ${route.url} declares no access rule`);
    }
  });

  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/')) return;
    const token = req.cookies[SESSION_COOKIE];
    req.auth = token ? await resolveSession(deps.database.db, token) : null;

    // CSRF: a mutating request must echo the session's token (or, before login, the
    // double-submit cookie) in a header that a cross-site form cannot set.
    // A machine call authenticated by an API token (no session cookie, an Authorization
    // header, which a cross-site form cannot set either) has no CSRF token to echo.
    const bearer = !token && /^Bearer\s/i.test(req.headers.authorization ?? '');
    if (MUTATING.has(req.method) && !bearer) {
      const sent = req.headers[CSRF_HEADER];
      const expected = req.auth ? req.auth.csrfToken : req.cookies[CSRF_COOKIE];
      if (typeof sent !== 'string' || !expected || sent !== expected) throw platformErrors.CSRF_FAILED();
    }

    const access = req.routeOptions.config?.access;
    if (!access) return; // unknown route: the 404 handler answers
    const verdict = allowed(access, req.auth?.roles ?? [], Boolean(req.auth?.coopId), Boolean(req.auth));
    if (verdict === 'login') throw platformErrors.UNAUTHENTICATED();
    if (verdict === 'forbidden') throw platformErrors.FORBIDDEN();
  });

  app.addHook('preValidation', async (req) => {
    if (!req.url.startsWith('/api/')) return;
    assertNoNulCharacter(req.params, 'params.');
    assertNoNulCharacter(req.query, 'query.');
    assertNoNulCharacter(req.body);
  });

  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());

  for (const { prefix, plugin, options } of routes) await app.register(plugin as (app: FastifyInstance, options: object) => Promise<void>, { ...options, prefix });

  const webDir = deps.config.webDir;
  const hasWeb = fs.existsSync(path.join(webDir, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: webDir, wildcard: false, index: ['index.html'] });
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || !hasWeb || req.method !== 'GET') {
      return handleError(platformErrors.NOT_FOUND() as never, req, reply);
    }
    // Client-side routes (/members/…) are answered by the single-page app.
    return reply.type('text/html').sendFile('index.html');
  });

  return app;
}
