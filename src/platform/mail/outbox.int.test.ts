import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/support/database.js';
import type { Database } from '../db/client.js';
import { localDiskStorage } from '../files/local-disk-storage.js';
import { sha256Of, type FileStorage } from '../files/storage.js';
import { dispatchOutbox, enqueueMail } from './outbox.js';
import { mailOutbox } from './schema.js';

let database: Database;
let storage: FileStorage;
beforeAll(async () => {
  database = await openTestDatabase();
  storage = localDiskStorage(await mkdtemp(path.join(tmpdir(), 'mutualise-outbox-')));
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
    expect(await dispatchOutbox(database.db, spy as never, storage, 'Mutualise <no-reply@test>', log)).toBe(2);
    expect(await dispatchOutbox(database.db, spy as never, storage, 'Mutualise <no-reply@test>', log)).toBe(0);
    expect(delivered.sort()).toEqual(['a@example.org', 'b@example.org']);
    const rows = await database.db.select().from(mailOutbox);
    expect(rows.filter((r) => r.status === 'sent')).toHaveLength(2);
  });

  it('keeps a mail for a later try when the server refuses it, and gives up after five', async () => {
    await enqueueMail(database.db, { coopId: null, to: 'refused@example.org', subject: 's', text: 't', template: 'test' });
    const failing = { sendMail: async () => { throw new Error('550 mailbox unavailable'); } };
    for (let i = 0; i < 6; i++) await dispatchOutbox(database.db, failing as never, storage, 'x@test', log);
    const [row] = (await database.db.select().from(mailOutbox)).filter((r) => r.toAddress === 'refused@example.org');
    expect(row.status).toBe('failed');
    expect(row.attempts).toBe(5);
    expect(row.lastError).toContain('550');
  });

  it('joins the stored files to the mail it sends, and keeps the mail queued while a file is missing or damaged', async () => {
    const { sha256 } = await storage.put('invoices/F-1.pdf', Buffer.from('%PDF-1.7 facture'));
    await storage.put('invoices/F-2.pdf', Buffer.from('%PDF-1.7 fact'));
    await enqueueMail(database.db, {
      coopId: null,
      to: 'client@example.org',
      subject: 'Facture',
      text: 'Ci-joint',
      template: 'test',
      attachments: [{ filename: 'Facture F-1.pdf', contentType: 'application/pdf', storageKey: 'invoices/F-1.pdf', sha256 }],
    });
    await enqueueMail(database.db, {
      coopId: null,
      to: 'damaged@example.org',
      subject: 'Facture',
      text: 'Ci-joint',
      template: 'test',
      attachments: [{ filename: 'Tronquee.pdf', contentType: 'application/pdf', storageKey: 'invoices/F-2.pdf', sha256: sha256Of(Buffer.from('%PDF-1.7 facture 2')) }],
    });
    await enqueueMail(database.db, {
      coopId: null,
      to: 'lost@example.org',
      subject: 'Facture',
      text: 'Ci-joint',
      template: 'test',
      attachments: [{ filename: 'Perdue.pdf', contentType: 'application/pdf', storageKey: 'invoices/none.pdf', sha256 }],
    });
    const transport = nodemailer.createTransport({ jsonTransport: true });
    const messages: { to: string; attachments?: { filename: string; content: string }[] }[] = [];
    const spy = {
      sendMail: async (m: object) => {
        const info = await transport.sendMail(m);
        messages.push(JSON.parse(String(info.message)));
        return info;
      },
    };
    expect(await dispatchOutbox(database.db, spy as never, storage, 'x@test', log)).toBe(1);
    const [sent] = messages;
    expect(sent?.attachments?.[0]?.filename).toBe('Facture F-1.pdf');
    expect(Buffer.from(sent!.attachments![0]!.content, 'base64').toString()).toBe('%PDF-1.7 facture');
    const [lost] = (await database.db.select().from(mailOutbox)).filter((r) => r.toAddress === 'lost@example.org');
    expect(lost.status).toBe('queued');
    expect(lost.lastError).toContain('Perdue.pdf');
    const [damaged] = (await database.db.select().from(mailOutbox)).filter((r) => r.toAddress === 'damaged@example.org');
    expect(damaged.status).toBe('queued');
    expect(damaged.lastError).toContain('Tronquee.pdf is altered');
    expect(messages).toHaveLength(1);
  });
});
