import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app.js';
import { DEMO_PASSWORD } from '../../../test/support/fixtures.js';
import { createQuotingCoop, dayFromToday, QUOTE_TOTALS, quoteOf } from '../../../test/support/quotes-fixtures.js';
import { auditLog } from '../../platform/audit/schema.js';
import { signLink } from '../../platform/auth/signed-links.js';
import { mailOutbox } from '../../platform/mail/schema.js';
import { invoices } from '../invoicing/schema.js';
import { portalSubject, QUOTE_PORTAL_PURPOSE } from './domain/portal-link.js';
import { quoteLines, quotes, quotesSettings } from './schema.js';

let t: TestApp;
type Coop = Awaited<ReturnType<typeof createQuotingCoop>>;

async function loggedIn(email: string): Promise<TestClient> {
  const c = t.client();
  await c.login(email, DEMO_PASSWORD);
  return c;
}

/** The coop's people, logged in. */
async function peopleOf(f: Coop) {
  return { member: await loggedIn(f.coop.member.email), staff: await loggedIn(f.coop.staff.email), admin: await loggedIn(f.coop.admin.email) };
}

/** The portal token of the last mail sent to the client, as the client would click it. */
async function lastPortalToken(f: Coop): Promise<string> {
  const mails = await t.database.db.select().from(mailOutbox).where(and(eq(mailOutbox.coopId, f.coop.id), eq(mailOutbox.toAddress, f.clientEmail)));
  const last = mails.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()).at(-1)!;
  const match = /http:\/\/mutualise\.test\/portal\/quotes\/([A-Za-z0-9_.-]+)/.exec(last.textBody);
  expect(match).not.toBeNull();
  return match![1]!;
}

/** A quote drafted by the member, submitted, validated and sent by staff: it waits for the client. */
async function sentQuote(f: Coop, people: Awaited<ReturnType<typeof peopleOf>>, overrides: Parameters<typeof quoteOf>[2] = {}) {
  const created = await people.member.post('/api/quotes', quoteOf(f.activityId, f.mailedClientId, overrides));
  expect(created.status).toBe(201);
  const id = created.body.id as string;
  expect((await people.member.post(`/api/quotes/${id}/submit`)).status).toBe(200);
  expect((await people.staff.post(`/api/quotes/${id}/validate`)).status).toBe(200);
  const sent = await people.staff.post(`/api/quotes/${id}/send`);
  expect(sent.status).toBe(200);
  return { id, number: sent.body.number as string, token: await lastPortalToken(f) };
}

async function acceptedQuote(f: Coop, people: Awaited<ReturnType<typeof peopleOf>>, overrides: Parameters<typeof quoteOf>[2] = {}) {
  const quote = await sentQuote(f, people, overrides);
  const accepted = await t.client().post(`/api/portal/quotes/${quote.token}/accept`, { name: 'Claire Dupont' });
  expect(accepted.status).toBe(200);
  return quote;
}

const quoteCount = async (coopId: string) => (await t.database.db.select({ n: count() }).from(quotes).where(eq(quotes.coopId, coopId)))[0]!.n;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('drafting a quote', () => {
  it('a member drafts a quote for their own activity with sections, 3-decimal quantities, a discount, several VAT rates and an exemption', async () => {
    const f = await createQuotingCoop(t.database.db, 'draft');
    const { member } = await peopleOf(f);
    const res = await member.post('/api/quotes', quoteOf(f.activityId, f.mailedClientId));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'draft', state: 'draft', number: null, activityId: f.activityId, clientId: f.mailedClientId, ...QUOTE_TOTALS });
    expect(res.body.lines.map((l: { sectionTitle: string | null; quantityMilli: number; netCents: number }) => [l.sectionTitle, l.quantityMilli, l.netCents])).toEqual([
      ['Lot 1 — Conception', 2500, 101_250],
      [null, 1125, 9000],
      ['Lot 2 — Édition', 120_000, 39_960],
      [null, 1000, 4567],
      [null, 1000, 60_000],
    ]);
    expect(res.body.vatBreakdown).toEqual([
      { vatCategory: 'S', vatRateBp: 2000, basisCents: 110_250, vatCents: 22_050 },
      { vatCategory: 'S', vatRateBp: 550, basisCents: 39_960, vatCents: 2198 },
      { vatCategory: 'S', vatRateBp: 1000, basisCents: 4567, vatCents: 457 },
      { vatCategory: 'E', vatRateBp: 0, basisCents: 60_000, vatCents: 0, exemptionReason: 'Exonération de TVA, art. 261-4-4° a du CGI' },
    ]);
    const list = await member.get(`/api/quotes?activityId=${f.activityId}`);
    expect(list.body).toMatchObject({ total: 1, items: [{ id: res.body.id, activityName: expect.any(String), clientName: expect.stringContaining('Librairie des Canuts') }] });
    const audits = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, res.body.id), eq(auditLog.action, 'quote.draft_created')));
    expect(audits).toHaveLength(1);
  });

  it('a member changes the lines of their draft and the totals follow', async () => {
    const f = await createQuotingCoop(t.database.db, 'edit');
    const { member } = await peopleOf(f);
    const { body } = await member.post('/api/quotes', quoteOf(f.activityId, f.mailedClientId));
    const res = await member.patch(`/api/quotes/${body.id}`, { lines: [{ description: 'Forfait', quantityMilli: 1000, unitPriceCents: 10_000, vatCategory: 'S', vatRateBp: 2000 }] });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ netCents: 10_000, vatCents: 2000, grossCents: 12_000, lines: [{ position: 1, description: 'Forfait' }] });
  });

  it('a member cannot see, change, delete or move another member\'s quote: it does not exist for them', async () => {
    const f = await createQuotingCoop(t.database.db, 'scope');
    const { member, staff } = await peopleOf(f);
    const theirs = await staff.post('/api/quotes', quoteOf(f.otherActivityId, f.mailedClientId));
    expect(theirs.status).toBe(201);
    const id = theirs.body.id;
    for (const res of [
      await member.get(`/api/quotes/${id}`),
      await member.get(`/api/quotes/${id}/pdf`),
      await member.patch(`/api/quotes/${id}`, { notes: 'pris' }),
      await member.delete(`/api/quotes/${id}`),
      await member.post(`/api/quotes/${id}/submit`),
      await member.post(`/api/quotes/${id}/duplicate`),
      await member.post(`/api/quotes/${id}/invoices`, { kind: 'whole' }),
    ]) {
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ error: expect.objectContaining({ code: 'QUOTE_NOT_FOUND' }) });
    }
    expect((await member.get('/api/quotes')).body.total).toBe(0);
    const [row] = await t.database.db.select().from(quotes).where(eq(quotes.id, id));
    expect(row).toMatchObject({ status: 'draft', notes: 'Démarrage sous quinze jours après accord.' });
    // Nor can they draft for it.
    const forOther = await member.post('/api/quotes', quoteOf(f.otherActivityId, f.mailedClientId));
    expect(forOther.status).toBe(400);
    expect(forOther.body.error.fields).toEqual([expect.objectContaining({ path: 'activityId' })]);
  });

  it("another cooperative's team cannot read a quote", async () => {
    const f = await createQuotingCoop(t.database.db, 'tenant-a');
    const g = await createQuotingCoop(t.database.db, 'tenant-b');
    const { member } = await peopleOf(f);
    const { body } = await member.post('/api/quotes', quoteOf(f.activityId, f.mailedClientId));
    const outsider = await loggedIn(g.coop.admin.email);
    expect((await outsider.get(`/api/quotes/${body.id}`)).status).toBe(404);
    expect((await outsider.post(`/api/quotes/${body.id}/validate`)).status).toBe(404);
  });

  it('bad input answers 400 with the field and writes nothing', async () => {
    const f = await createQuotingCoop(t.database.db, 'bad-input');
    const { member } = await peopleOf(f);
    const base = quoteOf(f.activityId, f.mailedClientId);
    const cases: Array<[unknown, string]> = [
      [{ ...base, lines: [{ ...base.lines![0], vatRateBp: 1900 }] }, 'lines.0.vatRateBp'],
      [{ ...base, lines: [{ ...base.lines![0], description: '' }] }, 'lines.0.description'],
      [{ ...base, lines: [{ ...base.lines![0], quantityMilli: 1.5 }] }, 'lines.0.quantityMilli'],
      [{ ...base, lines: [{ ...base.lines![0], discountBp: 1000, discountCents: 100 }] }, 'lines.0.discountCents'],
      [{ ...base, lines: [{ ...base.lines![1], discountCents: 999_999 }] }, 'lines.0.discountCents'],
      [{ ...base, validUntil: dayFromToday(-1) }, 'validUntil'],
      [{ ...base, validUntil: '2026-02-30' }, 'validUntil'],
      [{ ...base, clientId: '00000000-0000-4000-8000-000000000000' }, 'clientId'],
      [{ ...base, activityId: 'not-a-uuid' }, 'activityId'],
    ];
    for (const [body, path] of cases) {
      const res = await member.post('/api/quotes', body as Record<string, unknown>);
      expect(res.status, path).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(res.body.error.fields.map((x: { path: string }) => x.path)).toContain(path);
    }
    expect(await quoteCount(f.coop.id)).toBe(0);
    const { body: draft } = await member.post('/api/quotes', base);
    const bad = await member.patch(`/api/quotes/${draft.id}`, { notes: 'changé', lines: [{ description: 'x', quantityMilli: 1000, unitPriceCents: -1, vatRateBp: 2000 }] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toEqual([expect.objectContaining({ path: 'lines.0.unitPriceCents' })]);
    const [row] = await t.database.db.select().from(quotes).where(eq(quotes.id, draft.id));
    expect(row!.notes).toBe(base.notes);
    expect(await t.database.db.select().from(quoteLines).where(eq(quoteLines.quoteId, draft.id))).toHaveLength(5);
  });
});

describe('lifecycle', () => {
  it('with validation required: the member submits, staff validate (a number), send (a mail with the portal link and the PDF)', async () => {
    const f = await createQuotingCoop(t.database.db, 'lifecycle');
    const people = await peopleOf(f);
    const { body: draft } = await people.member.post('/api/quotes', quoteOf(f.activityId, f.mailedClientId));
    const submitted = await people.member.post(`/api/quotes/${draft.id}/submit`);
    expect(submitted.body).toMatchObject({ status: 'submitted', number: null, submittedAt: expect.any(String) });
    // A submitted quote is frozen for its author.
    expect((await people.member.patch(`/api/quotes/${draft.id}`, { notes: 'x' })).status).toBe(409);
    const validated = await people.staff.post(`/api/quotes/${draft.id}/validate`);
    expect(validated.status).toBe(200);
    expect(validated.body).toMatchObject({ status: 'validated', number: `D${dayFromToday(0).slice(0, 4)}-0001`, validatedAt: expect.any(String) });
    const sent = await people.staff.post(`/api/quotes/${draft.id}/send`);
    expect(sent.body).toMatchObject({ status: 'sent', state: 'sent', sentAt: expect.any(String) });

    const [mail] = await t.database.db.select().from(mailOutbox).where(and(eq(mailOutbox.coopId, f.coop.id), eq(mailOutbox.toAddress, f.clientEmail)));
    expect(mail).toMatchObject({ template: 'quote.sent', subject: expect.stringContaining(validated.body.number) });
    expect(mail!.textBody).toMatch(/2\s394,82\s€ TTC/);
    expect(mail!.textBody).toMatch(/http:\/\/mutualise\.test\/portal\/quotes\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/);
    const [{ sentPdfSha256 }] = await t.database.db.select({ sentPdfSha256: quotes.sentPdfSha256 }).from(quotes).where(eq(quotes.id, draft.id));
    expect(mail!.attachments).toEqual([{ filename: `Devis-${validated.body.number}.pdf`, contentType: 'application/pdf', storageKey: expect.any(String), sha256: sentPdfSha256 }]);
    const stored = await t.app.deps.storage.read(mail!.attachments[0]!.storageKey, { sha256: sentPdfSha256! });
    expect(stored.ok).toBe(true);
    const pdf = stored.ok ? stored.bytes : Buffer.alloc(0);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');

    // The PDF served to the member is the one the client received.
    const served = await people.member.get(`/api/quotes/${draft.id}/pdf`);
    expect(served.status).toBe(200);
    expect(served.headers['content-type']).toBe('application/pdf');
    expect(Buffer.from(served.raw, 'latin1').length).toBeGreaterThan(1000);
    const rawPdf = async () =>
      (await t.app.inject({ method: 'GET', url: `/api/quotes/${draft.id}/pdf`, headers: { cookie: (people.member as unknown as { cookieHeader(): string }).cookieHeader() } })).rawPayload;
    expect(Buffer.compare(await rawPdf(), pdf)).toBe(0);

    // A stored PDF emptied by a crash is drawn again from the validated quote, checked by its hash, and the repair audited.
    await t.app.deps.storage.put(mail!.attachments[0]!.storageKey, Buffer.alloc(0));
    expect(Buffer.compare(await rawPdf(), pdf)).toBe(0);
    const actions = (await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, draft.id))).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['quote.draft_created', 'quote.submitted', 'quote.validated', 'quote.sent', 'quote.file_repaired']));
  });

  it('a member cannot validate their own quote when the coop requires validation, nor send it back', async () => {
    const f = await createQuotingCoop(t.database.db, 'no-self-validation');
    const { member, staff } = await peopleOf(f);
    const { body } = await member.post('/api/quotes', quoteOf(f.activityId, f.mailedClientId));
    const direct = await member.post(`/api/quotes/${body.id}/validate`);
    expect(direct.status).toBe(403);
    expect(direct.body.error.code).toBe('QUOTE_SUBMISSION_REQUIRED');
    await member.post(`/api/quotes/${body.id}/submit`);
    expect((await member.post(`/api/quotes/${body.id}/validate`)).body.error.code).toBe('QUOTE_ACTION_FORBIDDEN');
    expect((await member.post(`/api/quotes/${body.id}/send-back`)).status).toBe(403);
    expect((await member.post(`/api/quotes/${body.id}/send`)).status).toBe(409);
    const [row] = await t.database.db.select().from(quotes).where(eq(quotes.id, body.id));
    expect(row).toMatchObject({ status: 'submitted', number: null });
    // Staff send it back for changes: it is a draft again.
    expect((await staff.post(`/api/quotes/${body.id}/send-back`)).body).toMatchObject({ status: 'draft' });
  });

  it('when the coop does not require validation, the member validates their own quote and there is nothing to submit to', async () => {
    const f = await createQuotingCoop(t.database.db, 'self-validation');
    const { member, admin } = await peopleOf(f);
    expect((await member.put('/api/quotes/settings', { needsValidation: false })).status).toBe(403);
    expect((await admin.put('/api/quotes/settings', { needsValidation: false })).body).toEqual({ needsValidation: false });
    const { body } = await member.post('/api/quotes', quoteOf(f.activityId, f.mailedClientId));
    expect((await member.post(`/api/quotes/${body.id}/submit`)).body.error.code).toBe('QUOTE_VALIDATION_NOT_REQUIRED');
    const validated = await member.post(`/api/quotes/${body.id}/validate`);
    expect(validated.body).toMatchObject({ status: 'validated', number: expect.stringMatching(/^D\d{4}-0001$/) });
  });

  it('a quote without lines cannot be validated and takes no number', async () => {
    const f = await createQuotingCoop(t.database.db, 'empty');
    const { staff } = await peopleOf(f);
    const { body } = await staff.post('/api/quotes', quoteOf(f.activityId, f.mailedClientId, { lines: [] }));
    const res = await staff.post(`/api/quotes/${body.id}/validate`);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('QUOTE_EMPTY');
  });

  it('a quote for a client without an e-mail address cannot be sent, and stays validated', async () => {
    const f = await createQuotingCoop(t.database.db, 'no-email');
    const { staff } = await peopleOf(f);
    const { body } = await staff.post('/api/quotes', quoteOf(f.activityId, f.clientId));
    await staff.post(`/api/quotes/${body.id}/validate`);
    const res = await staff.post(`/api/quotes/${body.id}/send`);
    expect(res.body.error.code).toBe('QUOTE_CLIENT_WITHOUT_EMAIL');
    expect((await staff.get(`/api/quotes/${body.id}`)).body.status).toBe('validated');
  });

  it('a quote past its validity date is expired: it can no longer be sent nor accepted', async () => {
    const f = await createQuotingCoop(t.database.db, 'expired');
    const people = await peopleOf(f);
    const quote = await sentQuote(f, people);
    await t.database.db.update(quotes).set({ validUntil: dayFromToday(-1) }).where(eq(quotes.id, quote.id));
    expect((await people.member.get(`/api/quotes/${quote.id}`)).body).toMatchObject({ status: 'sent', state: 'expired' });
    expect((await people.member.get('/api/quotes')).body.items[0]).toMatchObject({ state: 'expired' });
    // The list filters on the state people see: the lapsed quote is expired, no longer sent.
    expect((await people.member.get('/api/quotes?status=expired')).body).toMatchObject({ total: 1, items: [{ id: quote.id }] });
    expect((await people.member.get('/api/quotes?status=sent')).body.total).toBe(0);
    // The client still reads what they were offered, but can no longer accept it.
    expect((await t.client().get(`/api/portal/quotes/${quote.token}`)).body).toMatchObject({ state: 'expired', number: quote.number });
    const accept = await t.client().post(`/api/portal/quotes/${quote.token}/accept`, { name: 'Claire Dupont' });
    expect(accept.status).toBe(409);
    expect(accept.body.error.code).toBe('QUOTE_EXPIRED');
    expect((await people.staff.post(`/api/quotes/${quote.id}/send`)).body.error.code).toBe('QUOTE_EXPIRED');
    expect((await people.staff.post(`/api/quotes/${quote.id}/accept`, { name: 'X' })).body.error.code).toBe('QUOTE_EXPIRED');
  });

  it('duplicating a quote gives a new draft with the same lines and no number', async () => {
    const f = await createQuotingCoop(t.database.db, 'duplicate');
    const people = await peopleOf(f);
    const quote = await sentQuote(f, people);
    const copy = await people.member.post(`/api/quotes/${quote.id}/duplicate`);
    expect(copy.status).toBe(201);
    expect(copy.body).toMatchObject({ status: 'draft', number: null, duplicatedFromId: quote.id, ...QUOTE_TOTALS });
    expect(copy.body.id).not.toBe(quote.id);
    expect(copy.body.lines).toHaveLength(5);
    expect(copy.body.validUntil >= dayFromToday(0)).toBe(true);
    expect((await people.member.get(`/api/quotes/${quote.id}`)).body.status).toBe('sent');
  });

  it('staff record an acceptance given on paper; a member cannot', async () => {
    const f = await createQuotingCoop(t.database.db, 'paper');
    const people = await peopleOf(f);
    const quote = await sentQuote(f, people);
    expect((await people.member.post(`/api/quotes/${quote.id}/accept`, { name: 'Claire Dupont' })).status).toBe(403);
    const res = await people.staff.post(`/api/quotes/${quote.id}/accept`, { name: 'Claire Dupont' });
    expect(res.body).toMatchObject({ status: 'accepted', acceptedByName: 'Claire Dupont', acceptedAt: expect.any(String), acceptedIp: null });
  });
});

describe('client portal', () => {
  it('the client reads the quote through the link and accepts it: name, date and IP are recorded', async () => {
    const f = await createQuotingCoop(t.database.db, 'portal-accept');
    const people = await peopleOf(f);
    const quote = await sentQuote(f, people);
    const client = t.client();
    const read = await client.get(`/api/portal/quotes/${quote.token}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ number: quote.number, state: 'sent', clientName: expect.stringContaining('Librairie des Canuts'), coop: { name: f.coop.name }, ...QUOTE_TOTALS });
    expect(read.body.lines).toHaveLength(5);
    // Nothing internal reaches the client: no ids, no author, no IP.
    expect(Object.keys(read.body)).not.toEqual(expect.arrayContaining(['id']));
    for (const key of ['id', 'activityId', 'clientId', 'acceptedIp', 'refusalReason', 'invoices']) expect(read.body).not.toHaveProperty(key);

    const pdf = await client.get(`/api/portal/quotes/${quote.token}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');

    const badName = await client.post(`/api/portal/quotes/${quote.token}/accept`, { name: ' ' });
    expect(badName.status).toBe(400);
    expect(badName.body.error.fields).toEqual([expect.objectContaining({ path: 'name' })]);

    const accepted = await client.post(`/api/portal/quotes/${quote.token}/accept`, { name: 'Claire Dupont' });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ state: 'accepted', acceptedByName: 'Claire Dupont', acceptedAt: expect.any(String) });
    const seen = await people.member.get(`/api/quotes/${quote.id}`);
    expect(seen.body).toMatchObject({ status: 'accepted', acceptedByName: 'Claire Dupont', acceptedIp: '127.0.0.1' });
    expect(Math.abs(Date.parse(seen.body.acceptedAt) - Date.now())).toBeLessThan(60_000);
    // Answered once: a second click changes nothing.
    expect((await client.post(`/api/portal/quotes/${quote.token}/refuse`, { reason: 'finalement non' })).status).toBe(409);
    expect((await t.client().get(`/api/portal/quotes/${quote.token}`)).body).toMatchObject({ state: 'accepted' });
  });

  it('the client refuses the quote on the portal with a reason', async () => {
    const f = await createQuotingCoop(t.database.db, 'portal-refuse');
    const people = await peopleOf(f);
    const quote = await sentQuote(f, people);
    const res = await t.client().post(`/api/portal/quotes/${quote.token}/refuse`, { reason: 'Budget reporté' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ state: 'refused', refusedAt: expect.any(String) });
    expect((await people.staff.get(`/api/quotes/${quote.id}`)).body).toMatchObject({ status: 'refused', refusalReason: 'Budget reporté' });
  });

  it('a tampered, forged or expired link answers 404 and shows nothing', async () => {
    const f = await createQuotingCoop(t.database.db, 'portal-tamper');
    const people = await peopleOf(f);
    const quote = await sentQuote(f, people);
    const [payload, signature] = quote.token.split('.') as [string, string];
    const flip = (s: string) => (s[5] === 'A' ? 'B' : 'A');
    const [settings] = await t.database.db.select().from(quotesSettings).where(eq(quotesSettings.coopId, f.coop.id));
    const expired = signLink({ purpose: QUOTE_PORTAL_PURPOSE, subjectId: portalSubject(f.coop.id, quote.id), expiresAt: new Date(Date.now() - 1000) }, settings!.portalSecret);
    const wrongPurpose = signLink({ purpose: 'invoice.portal', subjectId: portalSubject(f.coop.id, quote.id), expiresAt: new Date(Date.now() + 86_400_000) }, settings!.portalSecret);
    const forged = signLink({ purpose: QUOTE_PORTAL_PURPOSE, subjectId: portalSubject(f.coop.id, quote.id), expiresAt: new Date(Date.now() + 86_400_000) }, 'x'.repeat(43));
    const tokens = [
      `${payload}.${signature.slice(0, 5)}${flip(signature)}${signature.slice(6)}`,
      `${payload.slice(0, 5)}${flip(payload)}${payload.slice(6)}.${signature}`,
      `${payload}.`,
      'garbage',
      expired,
      wrongPurpose,
      forged,
    ];
    for (const token of tokens) {
      for (const res of [
        await t.client().get(`/api/portal/quotes/${encodeURIComponent(token)}`),
        await t.client().get(`/api/portal/quotes/${encodeURIComponent(token)}/pdf`),
        await t.client().post(`/api/portal/quotes/${encodeURIComponent(token)}/accept`, { name: 'Mallory' }),
      ]) {
        expect(res.status, token).toBe(404);
        expect(res.body).toEqual({ error: { code: 'PORTAL_LINK_INVALID', message: expect.any(String) } });
      }
    }
    expect((await people.staff.get(`/api/quotes/${quote.id}`)).body.status).toBe('sent');
  });

  it('a portal link shows only its own quote', async () => {
    const f = await createQuotingCoop(t.database.db, 'portal-one');
    const people = await peopleOf(f);
    const first = await sentQuote(f, people);
    const second = await sentQuote(f, people, { lines: [{ description: 'Autre mission', quantityMilli: 1000, unitPriceCents: 12_345, vatCategory: 'S', vatRateBp: 2000 }] });
    const read = await t.client().get(`/api/portal/quotes/${first.token}`);
    expect(read.body.number).toBe(first.number);
    expect(JSON.stringify(read.body)).not.toContain('Autre mission');
    expect(JSON.stringify(read.body)).not.toContain(second.number);
    // Accepting through one link leaves the other quote as it was.
    await t.client().post(`/api/portal/quotes/${first.token}/accept`, { name: 'Claire Dupont' });
    expect((await people.staff.get(`/api/quotes/${second.id}`)).body.status).toBe('sent');
  });
});

describe('invoicing an accepted quote', () => {
  it('a 30 % deposit then the balance give two draft invoices whose totals sum to the quote exactly, and a third is refused', async () => {
    const f = await createQuotingCoop(t.database.db, 'deposit');
    const people = await peopleOf(f);
    const quote = await acceptedQuote(f, people);
    const deposit = await people.member.post(`/api/quotes/${quote.id}/invoices`, { kind: 'deposit', percentBp: 3000 });
    expect(deposit.status).toBe(201);
    expect(deposit.body).toMatchObject({ netCents: 64_433, excessNetCents: 0, remainingNetCents: QUOTE_TOTALS.netCents - 64_433 });
    const balance = await people.member.post(`/api/quotes/${quote.id}/invoices`, { kind: 'balance' });
    expect(balance.status).toBe(201);
    expect(balance.body.remainingNetCents).toBe(0);

    const made = await Promise.all([deposit.body.invoiceId, balance.body.invoiceId].map((id: string) => people.member.get(`/api/invoices/${id}`)));
    expect(made.map((r) => r.body.status)).toEqual(['draft', 'draft']);
    expect(made.map((r) => r.body.kind)).toEqual(['deposit', 'invoice']);
    const sum = (key: 'netCents' | 'vatCents' | 'grossCents') => made.reduce((s, r) => s + (r.body[key] as number), 0);
    expect({ netCents: sum('netCents'), vatCents: sum('vatCents'), grossCents: sum('grossCents') }).toEqual(QUOTE_TOTALS);

    const detail = await people.member.get(`/api/quotes/${quote.id}`);
    expect(detail.body.invoices.map((i: { kind: string }) => i.kind)).toEqual(['deposit', 'balance']);
    expect(detail.body.invoicedNetCents).toBe(QUOTE_TOTALS.netCents);
    const third = await people.member.post(`/api/quotes/${quote.id}/invoices`, { kind: 'balance' });
    expect(third.status).toBe(409);
    expect(third.body.error.code).toBe('QUOTE_NOTHING_LEFT');
    expect((await people.member.post(`/api/quotes/${quote.id}/invoices`, { kind: 'whole' })).body.error.code).toBe('QUOTE_PARTLY_INVOICED');
    const rows = await t.database.db.select().from(invoices).where(eq(invoices.coopId, f.coop.id));
    expect(rows).toHaveLength(2);
  });

  it('the whole quote becomes one invoice with its detailed lines', async () => {
    const f = await createQuotingCoop(t.database.db, 'whole');
    const people = await peopleOf(f);
    const quote = await acceptedQuote(f, people);
    const res = await people.member.post(`/api/quotes/${quote.id}/invoices`, { kind: 'whole' });
    expect(res.status).toBe(201);
    const invoice = await people.member.get(`/api/invoices/${res.body.invoiceId}`);
    expect(invoice.body).toMatchObject(QUOTE_TOTALS);
    expect(invoice.body.lines).toHaveLength(5);
  });

  it('invoicing more than the quote needs allowExceed and a reason', async () => {
    const f = await createQuotingCoop(t.database.db, 'exceed');
    const people = await peopleOf(f);
    const quote = await acceptedQuote(f, people);
    const over = { kind: 'deposit', amountCents: QUOTE_TOTALS.netCents + 10_000 };
    const refused = await people.member.post(`/api/quotes/${quote.id}/invoices`, over);
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields).toEqual([expect.objectContaining({ path: 'allowExceed' })]);
    const noReason = await people.member.post(`/api/quotes/${quote.id}/invoices`, { ...over, allowExceed: true });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields).toEqual([expect.objectContaining({ path: 'exceedReason' })]);
    expect(await t.database.db.select().from(invoices).where(eq(invoices.coopId, f.coop.id))).toHaveLength(0);
    const allowed = await people.member.post(`/api/quotes/${quote.id}/invoices`, { ...over, allowExceed: true, exceedReason: 'Journée supplémentaire demandée par le client' });
    expect(allowed.status).toBe(201);
    expect(allowed.body).toMatchObject({ excessNetCents: 10_000, remainingNetCents: -10_000 });
    expect((await people.member.get(`/api/quotes/${quote.id}`)).body.invoices[0]).toMatchObject({ excessNetCents: 10_000, exceedReason: 'Journée supplémentaire demandée par le client' });
  });

  it('a quote not accepted cannot be invoiced, and a request without its share answers 400', async () => {
    const f = await createQuotingCoop(t.database.db, 'not-accepted');
    const people = await peopleOf(f);
    const quote = await sentQuote(f, people);
    expect((await people.member.post(`/api/quotes/${quote.id}/invoices`, { kind: 'whole' })).body.error.code).toBe('QUOTE_NOT_ACCEPTED');
    const noShare = await people.member.post(`/api/quotes/${quote.id}/invoices`, { kind: 'deposit' });
    expect(noShare.status).toBe(400);
    expect(noShare.body.error.fields).toEqual([expect.objectContaining({ path: 'percentBp' })]);
    expect((await people.member.post(`/api/quotes/${quote.id}/invoices`, { kind: 'stage', percentBp: 0 })).status).toBe(400);
    expect(await t.database.db.select().from(invoices).where(eq(invoices.coopId, f.coop.id))).toHaveLength(0);
  });
});
