import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { createTestCoop } from '../../../test/support/fixtures.js';
import { rowCountChanges, rowCountsOfEveryTable } from '../../../test/support/row-counts.js';
import { mailOutbox } from '../mail/schema.js';
import { passwordResetRequests } from './schema.js';

/**
 * The reset form must not tell who has an account, by its answer nor by its time: it only
 * queues the request, the same row for any address, and the job runner does the rest.
 */
let t: TestApp;
let coop: Awaited<ReturnType<typeof createTestCoop>>;

beforeAll(async () => {
  t = await createTestApp();
  coop = await createTestCoop(t.database.db, 'reset-queue');
});
afterAll(() => t.close());

const ask = (email: string) => t.client().post('/api/auth/password-reset/request', { email });

describe('asking for a password reset', () => {
  it('writes the same rows for an address that opens an account and for one that does not', async () => {
    const db = t.database.db;
    const beforeKnown = await rowCountsOfEveryTable(db);
    expect((await ask(coop.member.email)).status).toBe(202);
    const known = rowCountChanges(beforeKnown, await rowCountsOfEveryTable(db));
    const beforeUnknown = await rowCountsOfEveryTable(db);
    expect((await ask('personne@nulle-part.example')).status).toBe(202);
    const unknown = rowCountChanges(beforeUnknown, await rowCountsOfEveryTable(db));
    expect(known).toEqual({ password_reset_requests: 1 });
    expect(unknown).toEqual(known);
  });

  it('the job runner then sends the link to the account only, and empties the queue', async () => {
    const db = t.database.db;
    const before = await rowCountsOfEveryTable(db);
    await t.app.deps.jobs.runDueJobs();
    // The same run lets the notifications drain note where it starts reading this coop's audit
    // log (its first run for the coop); that bookmark is not part of what a reset writes.
    const { notification_cursors: _bookmark, ...changes } = rowCountChanges(before, await rowCountsOfEveryTable(db));
    expect(changes).toEqual({ password_reset_requests: -2, auth_tokens: 1, mail_outbox: 1 });
    const [mail] = await db.select().from(mailOutbox).where(and(eq(mailOutbox.toAddress, coop.member.email), eq(mailOutbox.template, 'password_reset')));
    expect(mail!.textBody).toMatch(/reset-password\?token=/);
    expect(await db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, 'personne@nulle-part.example'))).toEqual([]);
    expect(await db.select().from(passwordResetRequests)).toEqual([]);
  });

  it('answers in about the same time for a known and an unknown address (medians printed)', async () => {
    const timeOf = async (email: string) => {
      const start = process.hrtime.bigint();
      expect((await ask(email)).status).toBe(202);
      return Number(process.hrtime.bigint() - start) / 1e6;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    // A second unknown series: how far apart two medians of the same thing land on this machine.
    const control: number[] = [];
    for (let i = 0; i < 5; i++) await timeOf(i % 2 ? coop.member.email : `warm-${i}@nulle-part.example`);
    // Interleaved, each first in turn, so a slower moment of the machine weighs on both sides alike.
    for (let i = 0; i < 40; i++) {
      if (i % 2) known.push(await timeOf(coop.member.email));
      unknown.push(await timeOf(`inconnu-${i}@nulle-part.example`));
      if (!(i % 2)) known.push(await timeOf(coop.member.email));
      control.push(await timeOf(`temoin-${i}@nulle-part.example`));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    console.log(
      `password reset request, median of 40: known address ${median(known).toFixed(2)} ms, unknown address ${median(unknown).toFixed(2)} ms, another unknown series ${median(control).toFixed(2)} ms`,
    );
    await t.app.deps.jobs.runDueJobs();
    expect(await t.database.db.select().from(passwordResetRequests)).toEqual([]);
  });
});
