import { Writable } from 'node:stream';
import { DrizzleQueryError } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { redactError, redactingLogOptions, redactUrl } from './log-redaction.js';

// A portal link's token and a reset/invitation token, as they appear in links.
const PORTAL_TOKEN = `eyJxIjoiM2Y${'a'.repeat(180)}.c2lnbmF0dXJl${'b'.repeat(30)}`;
const LINK_TOKEN = 'Zk3q_8vX-2pLm9RtYw4nB6cD1eF0gH7jK5sU3oI2aQx';

let lines: string[] = [];
let t: TestApp;

beforeAll(async () => {
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  t = await createTestApp({ logger: { level: 'info', stream } });
});
afterAll(async () => {
  await t?.close();
});

describe('the logs keep no secret', () => {
  it('the token of a portal link, an invitation or a reset link never reaches the request log', async () => {
    lines = [];
    await t.app.inject({ method: 'GET', url: `/api/portal/quotes/${PORTAL_TOKEN}` });
    await t.app.inject({ method: 'GET', url: `/api/portal/quotes/${PORTAL_TOKEN}/pdf` });
    await t.app.inject({ method: 'GET', url: `/invitation?token=${LINK_TOKEN}` });
    await t.app.inject({ method: 'GET', url: `/reset-password?lang=fr&token=${LINK_TOKEN}` });
    const log = lines.join('');
    expect(lines.length).toBeGreaterThanOrEqual(4);
    expect(log).toContain('/api/portal/quotes/[redacted]/pdf');
    expect(log).toContain('/reset-password?lang=fr&token=[redacted]');
    expect(log).not.toContain(PORTAL_TOKEN);
    expect(log).not.toContain(LINK_TOKEN);
    expect(log).not.toContain(PORTAL_TOKEN.slice(0, 40));
  });

  it('ids and ordinary query values stay readable', () => {
    expect(redactUrl('/api/invoices/0f8fad5b-d9cb-469f-a165-70867728950e?page=2&q=Boulangerie')).toBe('/api/invoices/0f8fad5b-d9cb-469f-a165-70867728950e?page=2&q=Boulangerie');
  });

  it('a failed SQL statement is logged with its text, not the values it was run with', () => {
    const cause = Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505', parameters: ['claire@client.test'] });
    const err = new DrizzleQueryError('insert into "clients" ("name", "email") values ($1, $2)', ['Claire Secrète', 'claire@client.test'], cause);
    const chunks: string[] = [];
    const logger = pino({ ...redactingLogOptions() }, { write: (s: string) => void chunks.push(s) });
    logger.error({ err }, 'unhandled error');
    const out = chunks.join('');
    expect(out).toContain('insert into \\"clients\\"');
    expect(out).not.toContain('Claire Secrète');
    expect(out).not.toContain('claire@client.test');
    expect(JSON.stringify(redactError(err))).not.toContain('claire@client.test');
  });
});
