import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { createPerson, createTestCoop, DEMO_PASSWORD } from '../../../test/support/fixtures.js';
import { mailOutbox } from '../mail/schema.js';
import { LOGIN_LIMIT } from './service.js';
import { loginAttempts } from './schema.js';

let t: TestApp;
let coop: Awaited<ReturnType<typeof createTestCoop>>;

beforeAll(async () => {
  t = await createTestApp();
  coop = await createTestCoop(t.database.db, 'auth');
});
afterAll(() => t.close());

describe('sessions', () => {
  it('answers an anonymous session with a CSRF token and no user', async () => {
    const c = t.client();
    const res = await c.get('/api/auth/session');
    expect(res.status).toBe(200);
    expect(res.body.user).toBeNull();
    expect(res.body.csrfToken).toMatch(/^[\w-]{20,}$/);
    expect(c.hasCsrfCookie()).toBe(true);
  });

  it('logs in with an httpOnly SameSite session cookie and lists the roles of the person', async () => {
    const c = t.client();
    const res = await c.post('/api/auth/login', { email: coop.admin.email, password: DEMO_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body.user.email).toBe(coop.admin.email);
    expect(res.body.coop).toEqual({ id: coop.id, name: coop.name });
    expect(res.body.roles).toEqual(['admin']);
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/mutualise_session=[^;]+;.*HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
  });

  it('refuses a wrong password without saying whether the account exists', async () => {
    const c = t.client();
    const wrong = await c.post('/api/auth/login', { email: coop.staff.email, password: 'not the password!' });
    const unknown = await c.post('/api/auth/login', { email: 'nobody@example.org', password: 'not the password!' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.error.code).toBe('INVALID_CREDENTIALS');
    expect(unknown.body.error.message).toBe(wrong.body.error.message);
  });

  it('logs out and the cookie no longer opens anything', async () => {
    const c = t.client();
    await c.login(coop.staff.email, DEMO_PASSWORD);
    expect((await c.get('/api/coop')).status).toBe(200);
    expect((await c.post('/api/auth/logout')).status).toBe(204);
    expect((await c.get('/api/coop')).status).toBe(401);
  });
});

describe('CSRF', () => {
  it('refuses a mutation without the CSRF header, even with a valid session', async () => {
    const c = t.client();
    await c.login(coop.admin.email, DEMO_PASSWORD);
    c.sendCsrf = false;
    const res = await c.patch('/api/coop', { name: 'Hijacked' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('CSRF_FAILED');
    c.sendCsrf = true;
    expect((await c.get('/api/coop')).body.name).toBe(coop.name);
  });

  it('refuses a login without the CSRF header', async () => {
    const c = t.client();
    c.sendCsrf = false;
    const res = await c.post('/api/auth/login', { email: coop.admin.email, password: DEMO_PASSWORD });
    expect(res.status).toBe(403);
  });
});

describe('login rate limit', () => {
  it('locks an account after repeated failures from one address, even with the right password', async () => {
    const c = t.client();
    for (let i = 0; i < LOGIN_LIMIT.perAccountAndIp; i++) {
      expect((await c.post('/api/auth/login', { email: coop.member.email, password: `wrong-password-${i}` })).status).toBe(401);
    }
    const res = await c.post('/api/auth/login', { email: coop.member.email, password: DEMO_PASSWORD });
    expect(res.status).toBe(429);
    expect(res.body.error.code).toBe('TOO_MANY_ATTEMPTS');
  });
});

const loginFrom = (address: string, payload: { email: string; password: string }) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: address, headers: { 'x-csrf-token': 'x', cookie: 'mutualise_csrf=x' }, payload });

describe('login rate limit per account and address', () => {
  it('does not lock the owner out when a stranger guesses her password', async () => {
    for (let i = 0; i < LOGIN_LIMIT.perAccountAndIp; i++) {
      expect((await loginFrom('198.51.100.20', { email: coop.staff.email, password: `stranger-guess-${i}` })).statusCode).toBe(401);
    }
    expect((await loginFrom('198.51.100.20', { email: coop.staff.email, password: DEMO_PASSWORD })).statusCode).toBe(429);
    expect((await loginFrom('192.0.2.10', { email: coop.staff.email, password: DEMO_PASSWORD })).statusCode).toBe(200);
  });

  it('still stops a guess spread over many addresses, at a higher per-account limit', async () => {
    const target = 'spread-guess@example.org';
    for (let i = 0; i < LOGIN_LIMIT.perAccount; i++) {
      expect((await loginFrom(`192.0.2.${i + 1}`, { email: target, password: 'wrong-password!' })).statusCode).toBe(401);
    }
    const res = await loginFrom('198.51.100.99', { email: target, password: 'wrong-password!' });
    expect(res.statusCode).toBe(429);
    expect(res.json().error.code).toBe('TOO_MANY_ATTEMPTS');
  });

  it('evaluates exactly the limit when many wrong passwords arrive at once', async () => {
    const person = await createPerson(t.database.db, coop.id, 'concurrent-guess@example.org', 'Concurrent Guess', ['member']);
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => loginFrom('198.51.100.40', { email: person.email, password: `concurrent-guess-${i}` })),
    );
    const evaluated = answers.filter((r) => r.statusCode === 401).length;
    expect(evaluated).toBe(LOGIN_LIMIT.perAccountAndIp);
    expect(answers.filter((r) => r.statusCode === 429).length).toBe(40 - LOGIN_LIMIT.perAccountAndIp);
  });
});

describe('login rate limit per address', () => {
  it('refuses logins from an address that failed too often, whatever the account', async () => {
    const c = t.client();
    // inject() lets the test choose the client's address; the CSRF pair is a valid double submit.
    for (let i = 0; i < LOGIN_LIMIT.perIp; i++) {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '203.0.113.9', headers: { 'x-csrf-token': 'x', cookie: 'mutualise_csrf=x' }, payload: { email: `nobody${i}@example.org`, password: 'wrong-password!' } });
      expect(res.statusCode).toBe(401);
    }
    const blocked = await t.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '203.0.113.9', headers: { 'x-csrf-token': 'x', cookie: 'mutualise_csrf=x' }, payload: { email: coop.admin.email, password: DEMO_PASSWORD } });
    expect(blocked.statusCode).toBe(429);
    // Another address is not affected.
    await c.login(coop.admin.email, DEMO_PASSWORD);
  });
});

describe('login rate limit behind a reverse proxy', () => {
  it('counts the address the proxy saw, not the one the client writes in X-Forwarded-For', async () => {
    const behindProxy = await createTestApp({ config: { trustedProxies: 1 } });
    try {
      const via = (forwardedFor: string, payload: object) =>
        behindProxy.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '10.0.0.2', headers: { 'x-forwarded-for': forwardedFor, 'x-csrf-token': 'x', cookie: 'mutualise_csrf=x' }, payload });
      // The attacker rotates the left-most value; the proxy appends the address it saw.
      for (let i = 0; i < LOGIN_LIMIT.perIp; i++) {
        expect((await via(`198.51.100.${i}, 203.0.113.50`, { email: `nobody${i}@example.org`, password: 'wrong-password!' })).statusCode).toBe(401);
      }
      const blocked = await via('198.51.100.250, 203.0.113.50', { email: 'someone@example.org', password: 'wrong-password!' });
      expect(blocked.statusCode).toBe(429);
      // Another client behind the same proxy is not affected.
      const other = await via('203.0.113.51', { email: 'someone@example.org', password: 'wrong-password!' });
      expect((await via('203.0.113.51', { email: 'someone@example.org', password: 'wrong-password!' })).statusCode).toBe(401);
      expect((await behindProxy.database.db.selectDistinct({ ip: loginAttempts.ip }).from(loginAttempts)).map((r) => r.ip).sort()).toEqual(['203.0.113.50', '203.0.113.51']);
    } finally {
      await behindProxy.close();
    }
  });
});

describe('passwords', () => {
  it('changes a password only with the current one and within the policy', async () => {
    const c = t.client();
    await c.login(coop.staff.email, DEMO_PASSWORD);
    const wrong = await c.post('/api/auth/password', { currentPassword: 'nope-nope-nope', newPassword: 'a-brand-new-passphrase' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields).toEqual([{ path: 'currentPassword', message: 'Le mot de passe actuel est incorrect.' }]);
    const weak = await c.post('/api/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'short' });
    expect(weak.status).toBe(400);
    expect(weak.body.error.fields[0].path).toBe('newPassword');
    expect(weak.body.error.fields[0].message).toContain('12');
    const ok = await c.post('/api/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'a-brand-new-passphrase' });
    expect(ok.status).toBe(204);
    await t.client().login(coop.staff.email, 'a-brand-new-passphrase');
    const admin = t.client();
    await admin.login(coop.admin.email, DEMO_PASSWORD);
    const audit = await admin.get(`/api/audit?action=person.password_changed&entityId=${coop.staff.id}`);
    expect(audit.body.total).toBe(1);
    expect(audit.body.items[0].changes).toEqual({ password: { before: '***', after: '***' } });
  });

  it('resets a forgotten password through a one-time link sent by mail', async () => {
    const c = t.client();
    expect((await c.post('/api/auth/password-reset/request', { email: coop.accountant.email })).status).toBe(202);
    expect((await c.post('/api/auth/password-reset/request', { email: 'ghost@example.org' })).status).toBe(202);
    await t.app.deps.jobs.runDueJobs();
    const mails = await t.database.db.select().from(mailOutbox);
    const mail = mails.find((m) => m.toAddress === coop.accountant.email && m.template === 'password_reset');
    expect(mails.some((m) => m.toAddress === 'ghost@example.org')).toBe(false);
    const token = /token=([\w-]+)/.exec(mail!.textBody)![1];
    expect((await c.post('/api/auth/password-reset/confirm', { token, newPassword: 'password' })).status).toBe(400);
    expect((await c.post('/api/auth/password-reset/confirm', { token, newPassword: 'une-phrase-de-passe-neuve' })).status).toBe(204);
    expect((await c.post('/api/auth/password-reset/confirm', { token, newPassword: 'une-autre-phrase-neuve' })).status).toBe(400);
    await t.client().login(coop.accountant.email, 'une-phrase-de-passe-neuve');
  });
});

describe('reset links', () => {
  it('voids an older reset link once a newer one is sent, and every link once one is used', async () => {
    const c = t.client();
    const person = await createPerson(t.database.db, coop.id, 'reset-twice@example.org', 'Reset Twice', ['member']);
    const links = async () =>
      (await t.database.db.select().from(mailOutbox))
        .filter((m) => m.toAddress === person.email && m.template === 'password_reset')
        .map((m) => /token=([\w-]+)/.exec(m.textBody)![1]);
    expect((await c.post('/api/auth/password-reset/request', { email: person.email })).status).toBe(202);
    await t.app.deps.jobs.runDueJobs();
    const [older] = await links();
    expect((await c.post('/api/auth/password-reset/request', { email: person.email })).status).toBe(202);
    await t.app.deps.jobs.runDueJobs();
    const newer = (await links()).find((l) => l !== older)!;
    expect(newer).toBeDefined();
    expect((await c.post('/api/auth/password-reset/confirm', { token: newer, newPassword: 'la-phrase-du-lien-neuf' })).status).toBe(204);
    const stale = await c.post('/api/auth/password-reset/confirm', { token: older, newPassword: 'la-phrase-du-vieux-lien' });
    expect(stale.status).toBe(400);
    expect(stale.body.error.code).toBe('INVALID_TOKEN');
    await t.client().login(person.email, 'la-phrase-du-lien-neuf');
  });
});

describe('errors', () => {
  it('answers bad input with 400, the field and the reason, in French by default', async () => {
    const c = t.client();
    const res = await c.post('/api/auth/login', { email: 'not-an-email' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    const paths = res.body.error.fields.map((f: { path: string }) => f.path).sort();
    expect(paths).toEqual(['email', 'password']);
  });

  it('answers an unknown API route with 404 in the one error shape', async () => {
    const res = await t.client().get('/api/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
  });

  it('serves the OpenAPI document', async () => {
    const res = await t.client().get('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(Object.keys(res.body.paths)).toContain('/api/auth/login');
    expect(Object.keys(res.body.paths)).toContain('/api/coop');
  });

  it('serves a browsable API documentation', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('swagger');
  });

  it('reports the engine on the health route', async () => {
    const res = await t.client().get('/api/health');
    expect(res.body).toMatchObject({ status: 'ok', database: t.database.kind });
  });
});
