import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app.js';
import { createTestCoop, DEMO_PASSWORD } from '../../../test/support/fixtures.js';
import { auditLog } from '../../platform/audit/schema.js';
import { kbPageRevisions } from './schema.js';

let t: TestApp;
let a: Awaited<ReturnType<typeof createTestCoop>>;
let b: Awaited<ReturnType<typeof createTestCoop>>;
let staff: TestClient;
let member: TestClient;
let memberB: TestClient;
let staffB: TestClient;
let anonymous: TestClient;
let guideId: string;
let internalId: string;
let startBookId: string;
let secretBookId: string;
let pageId: string;
let secretPageId: string;

async function login(email: string) {
  const c = t.client();
  await c.login(email, DEMO_PASSWORD);
  return c;
}

const SECRET_TITLE = 'Procédure de recouvrement confidentielle';

beforeAll(async () => {
  t = await createTestApp();
  a = await createTestCoop(t.database.db, 'kb-a');
  b = await createTestCoop(t.database.db, 'kb-b');
  staff = await login(a.staff.email);
  member = await login(a.member.email);
  memberB = await login(b.member.email);
  staffB = await login(b.staff.email);
  anonymous = t.client();

  const guide = await staff.post('/api/knowledge/spaces', { name: "Guide de l'entrepreneur·e", visibility: 'members', membersCanEdit: true });
  expect(guide.status).toBe(201);
  guideId = guide.body.id;
  const internal = await staff.post('/api/knowledge/spaces', { name: 'Procédures internes', visibility: 'staff' });
  internalId = internal.body.id;
  startBookId = (await staff.post(`/api/knowledge/spaces/${guideId}/books`, { name: 'Bien démarrer' })).body.books[0].id;
  secretBookId = (await staff.post(`/api/knowledge/spaces/${internalId}/books`, { name: 'Recouvrement' })).body.books[0].id;
  const page = await staff.post(`/api/knowledge/books/${startBookId}/pages`, { title: 'Notes de frais : ce qui est remboursable', body: 'Les frais de déplacement sont remboursés sur justificatif.\nLes repas aussi.' });
  expect(page.status).toBe(201);
  pageId = page.body.id;
  const secret = await staff.post(`/api/knowledge/books/${secretBookId}/pages`, { title: SECRET_TITLE, body: 'Relancer le client, puis les frais de déplacement du huissier.' });
  secretPageId = secret.body.id;
});

afterAll(async () => {
  await t?.close();
});

describe('who reads the knowledge base', () => {
  it('a member cannot read a staff-only page: not in the list, not in the detail, not in the search', async () => {
    const spaces = await member.get('/api/knowledge/spaces');
    expect(spaces.status).toBe(200);
    expect(spaces.body.items.map((s: { id: string }) => s.id)).toEqual([guideId]);
    expect(spaces.raw).not.toContain('Procédures internes');
    expect((await member.get(`/api/knowledge/spaces/${internalId}`)).status).toBe(404);
    const detail = await member.get(`/api/knowledge/pages/${secretPageId}`);
    expect(detail.status).toBe(404);
    expect(detail.raw).not.toContain(SECRET_TITLE);
    expect((await member.get(`/api/knowledge/pages/${secretPageId}/revisions`)).status).toBe(404);
    const search = await member.get('/api/knowledge/search?q=deplacement');
    expect(search.status).toBe(200);
    expect(search.body.items.map((h: { pageId: string }) => h.pageId)).toEqual([pageId]);
    expect(search.raw).not.toContain(SECRET_TITLE);
    const staffSearch = await staff.get('/api/knowledge/search?q=deplacement');
    expect(staffSearch.body.items.map((h: { pageId: string }) => h.pageId).sort()).toEqual([pageId, secretPageId].sort());
  });

  it('the search ignores accents and case, ranks titles first and cuts a snippet around the word', async () => {
    const res = await member.get('/api/knowledge/search?q=REMBOURSES%20deplacement');
    expect(res.body.items).toHaveLength(1);
    expect(res.body.items[0].snippet.text).toContain('déplacement');
    const titled = await staff.get('/api/knowledge/search?q=frais');
    expect(titled.body.items[0].pageId).toBe(pageId);
  });

  it('a book narrowed to staff hides its pages from members even in a members space', async () => {
    const narrowed = await staff.post(`/api/knowledge/spaces/${guideId}/books`, { name: 'Notes de l’équipe', visibility: 'staff' });
    const bookId = narrowed.body.books.find((x: { name: string }) => x.name === 'Notes de l’équipe').id;
    const p = await staff.post(`/api/knowledge/books/${bookId}/pages`, { title: 'Mémo équipe', body: 'zorglub' });
    expect((await member.get(`/api/knowledge/pages/${p.body.id}`)).status).toBe(404);
    expect((await member.get('/api/knowledge/search?q=zorglub')).body.items).toEqual([]);
    const toc = await member.get(`/api/knowledge/spaces/${guideId}`);
    expect(toc.raw).not.toContain('Mémo équipe');
    const widened = await staff.post(`/api/knowledge/spaces/${internalId}/books`, { name: 'Trop ouvert', visibility: 'members' });
    expect(widened.status).toBe(422);
  });

  it('the public route shows only public spaces of the coop, without a session', async () => {
    const pub = await staff.post('/api/knowledge/spaces', { name: 'Foire aux questions', visibility: 'public' });
    const bookId = (await staff.post(`/api/knowledge/spaces/${pub.body.id}/books`, { name: 'Nous rejoindre' })).body.books[0].id;
    const page = await staff.post(`/api/knowledge/books/${bookId}/pages`, { title: 'Qui peut entrer ?', body: 'Toute personne avec un projet.' });
    const list = await anonymous.get(`/api/public/knowledge/${a.id}/spaces`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((s: { id: string }) => s.id)).toEqual([pub.body.id]);
    expect((await anonymous.get(`/api/public/knowledge/${a.id}/pages/${page.body.id}`)).body.title).toBe('Qui peut entrer ?');
    expect((await anonymous.get(`/api/public/knowledge/${a.id}/pages/${pageId}`)).status).toBe(404);
    expect((await anonymous.get(`/api/public/knowledge/${a.id}/spaces/${guideId}`)).status).toBe(404);
    expect((await anonymous.get(`/api/public/knowledge/${b.id}/pages/${page.body.id}`)).status).toBe(404);
    expect((await anonymous.get('/api/knowledge/spaces')).status).toBe(401);
  });
});

describe('editing pages', () => {
  it('two edits from the same revision: one saves, the other gets 409, and revision numbers stay gap-free', async () => {
    const start = (await staff.get(`/api/knowledge/pages/${pageId}`)).body.currentRevision;
    const [x, y] = await Promise.all([
      staff.put(`/api/knowledge/pages/${pageId}`, { title: 'Notes de frais : ce qui est remboursable', body: 'Version de Sam', expectedRevision: start }),
      member.put(`/api/knowledge/pages/${pageId}`, { title: 'Notes de frais : ce qui est remboursable', body: 'Version de Mia', expectedRevision: start }),
    ]);
    expect([x.status, y.status].sort()).toEqual([200, 409]);
    const again = await member.put(`/api/knowledge/pages/${pageId}`, { title: 'Notes de frais', body: 'Version de Mia\nplus une ligne', expectedRevision: start + 1 });
    expect(again.status).toBe(200);
    const numbers = (await t.database.db.select({ n: kbPageRevisions.number }).from(kbPageRevisions).where(and(eq(kbPageRevisions.coopId, a.id), eq(kbPageRevisions.pageId, pageId)))).map((r) => r.n).sort((p, q) => p - q);
    expect(numbers).toEqual(Array.from({ length: start + 2 }, (_, i) => i + 1));
  });

  it('restoring an old revision writes a new one with its text; the history says which', async () => {
    const page = (await staff.get(`/api/knowledge/pages/${pageId}`)).body;
    const restored = await staff.post(`/api/knowledge/pages/${pageId}/revisions/1/restore`, { expectedRevision: page.currentRevision });
    expect(restored.status).toBe(200);
    expect(restored.body.currentRevision).toBe(page.currentRevision + 1);
    expect(restored.body.body).toContain('déplacement');
    const history = await member.get(`/api/knowledge/pages/${pageId}/revisions`);
    expect(history.body.items[0]).toMatchObject({ number: page.currentRevision + 1, restoredFrom: 1 });
    expect(history.body.items.at(-1)).toMatchObject({ number: 1, linesAdded: 2, linesRemoved: 0 });
  });

  it('a revision is never rewritten, whatever the code does', async () => {
    await expect(t.database.db.execute(sql`update kb_page_revisions set body = 'x' where page_id = ${pageId}`)).rejects.toThrow();
  });

  it('a member may not edit a space not open to members, nor manage books', async () => {
    const closed = await staff.post('/api/knowledge/spaces', { name: 'Règlement', visibility: 'members', membersCanEdit: false });
    const bookId = (await staff.post(`/api/knowledge/spaces/${closed.body.id}/books`, { name: 'Statuts' })).body.books[0].id;
    expect((await member.post(`/api/knowledge/books/${bookId}/pages`, { title: 'Essai', body: '' })).status).toBe(403);
    expect((await member.post(`/api/knowledge/spaces/${guideId}/books`, { name: 'Mon livre' })).status).toBe(403);
  });

  it('bad input is a 400 naming the field, nothing written', async () => {
    const res = await staff.put(`/api/knowledge/pages/${pageId}`, { title: '', body: 'x' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f: { path: string }) => f.path)).toEqual(expect.arrayContaining(['title', 'expectedRevision']));
  });
});

describe('a space shared with another coop', () => {
  it('is readable from the other coop, read-only, and sharing is audited', async () => {
    expect((await memberB.get(`/api/knowledge/spaces/${guideId}`)).status).toBe(404);
    const shared = await staff.post(`/api/knowledge/spaces/${guideId}/shares`, { coopId: b.id });
    expect(shared.status).toBe(200);
    expect(shared.body.sharedWith).toEqual([{ coopId: b.id, name: b.name }]);
    const list = await memberB.get('/api/knowledge/spaces');
    expect(list.body.items).toEqual([expect.objectContaining({ id: guideId, fromOtherCoop: true, canEdit: false, canManage: false, ownerCoopName: a.name })]);
    expect((await memberB.get(`/api/knowledge/pages/${pageId}`)).status).toBe(200);
    expect((await memberB.get('/api/knowledge/search?q=remboursable')).body.items.map((h: { pageId: string }) => h.pageId)).toEqual([pageId]);
    const current = (await memberB.get(`/api/knowledge/pages/${pageId}`)).body.currentRevision;
    expect((await staffB.put(`/api/knowledge/pages/${pageId}`, { title: 'Piraté', body: 'x', expectedRevision: current })).status).toBe(403);
    expect((await staffB.post(`/api/knowledge/books/${startBookId}/pages`, { title: 'Intrus', body: 'x' })).status).toBe(403);
    expect((await staffB.patch(`/api/knowledge/spaces/${guideId}`, { visibility: 'public' })).status).toBe(403);
    expect((await memberB.post('/api/knowledge/questions', { spaceId: guideId, title: 'Une question de B', body: '' })).status).toBe(403);
    expect((await staffB.get(`/api/knowledge/pages/${secretPageId}`)).status).toBe(404);
    const audits = await t.database.db.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.coopId, a.id), eq(auditLog.action, 'knowledge.space_shared')));
    expect(audits).toHaveLength(1);
    await staff.delete(`/api/knowledge/spaces/${guideId}/shares/${b.id}`);
    expect((await memberB.get(`/api/knowledge/pages/${pageId}`)).status).toBe(404);
  });
});

describe('questions and answers', () => {
  it('a member asks, staff answer, the asker accepts; one accepted answer per question', async () => {
    const q = await member.post('/api/knowledge/questions', { spaceId: guideId, title: 'Un repas client est-il remboursable ?', body: 'Avec facture.' });
    expect(q.status).toBe(201);
    const answered = await staff.post(`/api/knowledge/questions/${q.body.id}/answers`, { body: 'Oui, sur justificatif.' });
    const second = await member.post(`/api/knowledge/questions/${q.body.id}/answers`, { body: 'Je crois aussi.' });
    const [first, other] = [answered.body.answers[0].id, second.body.answers.find((x: { body: string }) => x.body === 'Je crois aussi.').id];
    const staffQuestion = await staff.post('/api/knowledge/questions', { spaceId: guideId, title: 'Question de Sam', body: '' });
    const mAnswer = (await member.post(`/api/knowledge/questions/${staffQuestion.body.id}/answers`, { body: 'Réponse de Mia' })).body.answers[0].id;
    expect((await member.post(`/api/knowledge/answers/${mAnswer}/accept`)).status).toBe(403);
    const [r1, r2] = await Promise.all([member.post(`/api/knowledge/answers/${first}/accept`), staff.post(`/api/knowledge/answers/${other}/accept`)]);
    expect([r1.status, r2.status].sort()).toEqual([200, 409]);
    const detail = await member.get(`/api/knowledge/questions/${q.body.id}`);
    expect(detail.body.status).toBe('answered');
    expect(detail.body.answers.filter((x: { accepted: boolean }) => x.accepted)).toHaveLength(1);
    expect(detail.body.answers[0].accepted).toBe(true);
  });

  it('a member cannot ask in nor list questions of a staff-only space', async () => {
    expect((await member.post('/api/knowledge/questions', { spaceId: internalId, title: 'Je veux voir', body: '' })).status).toBe(404);
    await staff.post('/api/knowledge/questions', { spaceId: internalId, title: 'Question interne secrète', body: '' });
    const list = await member.get('/api/knowledge/questions');
    expect(list.raw).not.toContain('Question interne secrète');
  });
});
