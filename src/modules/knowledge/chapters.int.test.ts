import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app.js';
import { createTestCoop, DEMO_PASSWORD } from '../../../test/support/fixtures.js';
import { auditLog } from '../../platform/audit/schema.js';

let t: TestApp;
let a: Awaited<ReturnType<typeof createTestCoop>>;
let b: Awaited<ReturnType<typeof createTestCoop>>;
let staff: TestClient;
let member: TestClient;
let anonymous: TestClient;
let spaceId: string;
let bookId: string;
let otherBookId: string;
let internalPageId: string;

type Toc = { books: { id: string; pages: { id: string; title: string }[]; chapters: { id: string; name: string; position: number; pages: { id: string; title: string }[] }[] }[] };
const bookOf = (toc: Toc, id: string) => toc.books.find((x) => x.id === id)!;

async function login(email: string) {
  const c = t.client();
  await c.login(email, DEMO_PASSWORD);
  return c;
}

beforeAll(async () => {
  t = await createTestApp();
  a = await createTestCoop(t.database.db, 'kbc-a');
  b = await createTestCoop(t.database.db, 'kbc-b');
  staff = await login(a.staff.email);
  member = await login(a.member.email);
  anonymous = t.client();
  const space = await staff.post('/api/knowledge/spaces', { name: 'Guide public', visibility: 'public', membersCanEdit: true });
  spaceId = space.body.id;
  bookId = (await staff.post(`/api/knowledge/spaces/${spaceId}/books`, { name: 'Facturer' })).body.books[0].id;
  otherBookId = (await staff.post(`/api/knowledge/spaces/${spaceId}/books`, { name: 'Se payer' })).body.books.find((x: { name: string }) => x.name === 'Se payer').id;
  const internal = await staff.post('/api/knowledge/spaces', { name: 'Procédures internes', visibility: 'members' });
  const internalBook = (await staff.post(`/api/knowledge/spaces/${internal.body.id}/books`, { name: 'Recouvrement' })).body.books[0].id;
  internalPageId = (await staff.post(`/api/knowledge/books/${internalBook}/pages`, { title: 'Relances internes', body: 'Relancer le client trois fois.' })).body.id;
}, 240_000);

afterAll(async () => {
  await t?.close();
});

describe('chapters of a book', () => {
  it('staff add ordered chapters, rename and move them; the table of contents follows, and each change is audited', async () => {
    const first = await staff.post(`/api/knowledge/books/${bookId}/chapters`, { name: 'Devis' });
    expect(first.status).toBe(201);
    await staff.post(`/api/knowledge/books/${bookId}/chapters`, { name: 'Factures' });
    const third = await staff.post(`/api/knowledge/books/${bookId}/chapters`, { name: 'Relances', position: 0 });
    expect(bookOf(third.body, bookId).chapters.map((c) => [c.name, c.position])).toEqual([
      ['Relances', 0],
      ['Devis', 1],
      ['Factures', 2],
    ]);
    const relances = bookOf(third.body, bookId).chapters[0]!.id;
    const moved = await staff.patch(`/api/knowledge/chapters/${relances}`, { position: 2, name: 'Relancer un client' });
    expect(moved.status).toBe(200);
    expect(bookOf(moved.body, bookId).chapters.map((c) => c.name)).toEqual(['Devis', 'Factures', 'Relancer un client']);
    const audits = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'kb_chapter'), eq(auditLog.entityId, relances)));
    expect(audits.map((x) => x.action).sort()).toEqual(['knowledge.chapter_created', 'knowledge.chapter_updated']);
    const update = audits.find((x) => x.action === 'knowledge.chapter_updated')!;
    expect(update.changes).toMatchObject({ name: { before: 'Relances', after: 'Relancer un client' }, position: { before: 0, after: 2 } });
  });

  it('a page is written into a chapter, moved to another, then back into the book; the move is audited and the search names the chapter', async () => {
    const toc = (await staff.get(`/api/knowledge/spaces/${spaceId}`)).body as Toc;
    const [devis, factures] = bookOf(toc, bookId).chapters;
    const page = await member.post(`/api/knowledge/books/${bookId}/pages`, { title: 'Mentions obligatoires', body: 'Le numéro SIREN du client figure sur la facture.', chapterId: devis!.id });
    expect(page.status).toBe(201);
    expect(page.body).toMatchObject({ chapterId: devis!.id, chapterName: 'Devis' });
    const moved = await member.put(`/api/knowledge/pages/${page.body.id}/chapter`, { chapterId: factures!.id });
    expect(moved.status).toBe(200);
    expect(moved.body.chapterName).toBe('Factures');
    const after = (await member.get(`/api/knowledge/spaces/${spaceId}`)).body as Toc;
    expect(bookOf(after, bookId).chapters.find((c) => c.id === factures!.id)!.pages.map((p) => p.title)).toEqual(['Mentions obligatoires']);
    expect(bookOf(after, bookId).chapters.find((c) => c.id === devis!.id)!.pages).toEqual([]);
    const hit = (await member.get('/api/knowledge/search?q=siren')).body.items[0];
    expect(hit).toMatchObject({ pageId: page.body.id, bookName: 'Facturer', chapterName: 'Factures' });
    const [audit] = await t.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'knowledge.page_moved'), eq(auditLog.entityId, page.body.id)));
    expect(audit!.changes).toMatchObject({ chapterId: { before: devis!.id, after: factures!.id } });
    const out = await member.put(`/api/knowledge/pages/${page.body.id}/chapter`, { chapterId: null });
    expect(out.body.chapterId).toBeNull();
    const book = bookOf((await member.get(`/api/knowledge/spaces/${spaceId}`)).body, bookId);
    expect(book.pages.map((p) => p.id)).toContain(page.body.id);
    expect((await member.get('/api/knowledge/search?q=siren')).body.items[0].chapterName).toBeNull();
  });

  it("a page cannot go into another book's chapter: 400 naming chapterId, nothing moved", async () => {
    const other = await staff.post(`/api/knowledge/books/${otherBookId}/chapters`, { name: 'Salaire' });
    const salaire = bookOf(other.body, otherBookId).chapters[0]!.id;
    const page = await staff.post(`/api/knowledge/books/${bookId}/pages`, { title: 'Acomptes', body: 'Un acompte se facture.' });
    const res = await staff.put(`/api/knowledge/pages/${page.body.id}/chapter`, { chapterId: salaire });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('chapterId');
    expect((await staff.get(`/api/knowledge/pages/${page.body.id}`)).body.chapterId).toBeNull();
    const created = await staff.post(`/api/knowledge/books/${bookId}/pages`, { title: 'Avoirs', body: '.', chapterId: salaire });
    expect(created.status).toBe(400);
  });

  it('members may not add nor rename chapters; a chapter with pages is not removed; names are unique per book', async () => {
    expect((await member.post(`/api/knowledge/books/${bookId}/chapters`, { name: 'Pirate' })).status).toBe(403);
    const toc = (await staff.get(`/api/knowledge/spaces/${spaceId}`)).body as Toc;
    const factures = bookOf(toc, bookId).chapters.find((c) => c.name === 'Factures')!;
    expect((await member.patch(`/api/knowledge/chapters/${factures.id}`, { name: 'Pirate' })).status).toBe(403);
    const dup = await staff.post(`/api/knowledge/books/${bookId}/chapters`, { name: 'Factures' });
    expect(dup.status).toBe(409);
    const p = await staff.post(`/api/knowledge/books/${bookId}/pages`, { title: 'Relance amiable', body: '.', chapterId: factures.id });
    expect((await staff.delete(`/api/knowledge/chapters/${factures.id}`)).status).toBe(409);
    await staff.put(`/api/knowledge/pages/${p.body.id}/chapter`, { chapterId: null });
    const removed = await staff.delete(`/api/knowledge/chapters/${factures.id}`);
    expect(removed.status).toBe(200);
    expect(bookOf(removed.body, bookId).chapters.map((c) => c.name)).not.toContain('Factures');
    expect((await staff.post(`/api/knowledge/books/${bookId}/chapters`, { name: '' })).status).toBe(400);
    expect((await staff.patch(`/api/knowledge/chapters/${factures.id}`, { position: -1 })).status).toBe(400);
  });
});

describe('the public knowledge base', () => {
  it('an anonymous visitor reads the chapters of a public space and searches its pages, never a members page', async () => {
    const space = await anonymous.get(`/api/public/knowledge/${a.id}/spaces/${spaceId}`);
    expect(space.status).toBe(200);
    expect(bookOf(space.body, bookId).chapters.length).toBeGreaterThan(0);
    const hits = await anonymous.get(`/api/public/knowledge/${a.id}/search?q=facture`);
    expect(hits.status).toBe(200);
    expect(hits.body.items.length).toBeGreaterThan(0);
    const leaked = await anonymous.get(`/api/public/knowledge/${a.id}/search?q=relancer`);
    expect(leaked.body.items.map((h: { pageId: string }) => h.pageId)).not.toContain(internalPageId);
    expect(leaked.raw).not.toContain('Relances internes');
    const internal = await anonymous.get(`/api/public/knowledge/${a.id}/pages/${internalPageId}`);
    expect(internal.status).toBe(404);
    expect(internal.raw).not.toContain('Relances internes');
    expect((await anonymous.get(`/api/public/knowledge/${b.id}/search?q=facture`)).body.items).toEqual([]);
    expect((await anonymous.get(`/api/public/knowledge/${a.id}/search?q=x`)).status).toBe(400);
  });
});
