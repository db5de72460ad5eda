import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/support/database.js';
import type { Database } from '../db/client.js';
import { dispatchOutbox, enqueueMail } from './outbox.js';
import { mailOutbox } from './schema.js';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

const log = { warn: () => undefined } as never;

describe('mail outbox', () => {
  it('keeps a mail queued when the action that wrote it rolls back', async () => {
    await expect(
      database.db.transaction(async (tx) => {
        await enqueueMail(tx, { coopId: null, to: 'ghost@example.org', subject: 's', text: 't', template: 'test' });
        throw new Error('the action failed');
      }),
    ).rejects.toThrow('the action failed');
    const rows = await database.db.select().from(mailOutbox);
    expect(rows.some((r) => r.toAddress === 'ghost@example.org')).toBe(false);
  });

  it('sends queued mails once through SMTP, then marks them sent', async () => {
    await enqueueMail(database.db, { coopId: null, to: 'a@example.org', subject: 'Bonjour', text: 'Texte', template: 'test' });
    await enqueueMail(database.db, { coopId: null, to: 'b@example.org', subject: 'Bonjour', text: 'Texte', template: 'test' });
    const delivered: string[] = [];
    // nodemailer's JSON transport builds the real message without a network.
    const transport = nodemailer.createTransport({ jsonTransport: true });
    const spy = { sendMail: async (m: { to: string }) => { delivered.push(m.to); return transport.sendMail(m); } };
    expect(await dispatchOutbox(database.db, spy as never, 'Mutualise <no-reply@test>', log)).toBe(2);
    expect(await dispatchOutbox(database.db, spy as never, 'Mutualise <no-reply@test>', log)).toBe(0);
    expect(delivered.sort()).toEqual(['a@example.org', 'b@example.org']);
    const rows = await database.db.select().from(mailOutbox);
    expect(rows.filter((r) => r.status === 'sent')).toHaveLength(2);
  });

  it('keeps a mail for a later try when the server refuses it, and gives up after five', async () => {
    await enqueueMail(database.db, { coopId: null, to: 'refused@example.org', subject: 's', text: 't', template: 'test' });
    const failing = { sendMail: async () => { throw new Error('550 mailbox unavailable'); } };
    for (let i = 0; i < 6; i++) await dispatchOutbox(database.db, failing as never, 'x@test', log);
    const [row] = (await database.db.select().from(mailOutbox)).filter((r) => r.toAddress === 'refused@example.org');
    expect(row.status).toBe('failed');
    expect(row.attempts).toBe(5);
    expect(row.lastError).toContain('550');
  });
});
