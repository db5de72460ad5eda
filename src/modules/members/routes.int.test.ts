import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app.js';
import { createPerson, createTestCoop, DEMO_PASSWORD, siretFor, sirenFor } from '../../../test/support/fixtures.js';
import { addMember, countRows } from '../../../test/support/members-fixtures.js';
import { auditLog } from '../../platform/audit/schema.js';
import { addMonths, todayInFrance } from '../../platform/calendar/index.js';
import { countMembersByStatus, countPendingDocuments, linkMemberToUser, listMemberOptions } from './index.js';
import { memberDocuments, members, memberStatusChanges } from './schema.js';

let t: TestApp;
let a: Awaited<ReturnType<typeof createTestCoop>>;
let b: Awaited<ReturnType<typeof createTestCoop>>;
let staffA: TestClient;
let adminA: TestClient;
let memberA: TestClient;
let staffB: TestClient;
/** The member record of coop A's member account (Mia Member). */
let mia: { id: string; email: string };
/** Another member of coop A, without an account. */
let other: { id: string; email: string };
/** A member of coop B. */
let foreign: { id: string; email: string };

const today = todayInFrance(new Date());
const siret = siretFor(sirenFor(424242));
const pdfBytes = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

async function login(email: string) {
  const c = t.client();
  await c.login(email, DEMO_PASSWORD);
  return c;
}

const fieldPaths = (body: { error: { fields?: { path: string }[] } }) => (body.error.fields ?? []).map((f) => f.path);

beforeAll(async () => {
  t = await createTestApp();
  a = await createTestCoop(t.database.db, 'members-a');
  b = await createTestCoop(t.database.db, 'members-b');
  mia = await addMember(t.database.db, a, { firstName: 'Mia', lastName: 'Member', email: a.member.email, userId: a.member.id, skills: ['design'] });
  other = await addMember(t.database.db, a, { firstName: 'Hélène', lastName: 'Dupré', skills: ['comptabilité', 'design'], pole: 'technical', advisorUserId: a.staff.id });
  foreign = await addMember(t.database.db, b, { firstName: 'Bruno', lastName: 'Ailleurs', userId: b.member.id, email: b.member.email });
  [staffA, adminA, memberA, staffB] = await Promise.all([login(a.staff.email), login(a.admin.email), login(a.member.email), login(b.staff.email)]);
});
afterAll(() => t.close());

describe('creating members', () => {
  it('staff registers a candidate dated today, with the first status change and an audit record', async () => {
    const res = await staffA.post('/api/members', {
      firstName: 'Jeanne',
      lastName: 'Coop',
      email: 'Jeanne.Coop@Example.org',
      membershipType: 'entrepreneur_salarie',
      skills: ['menuiserie'],
      advisorUserId: a.staff.id,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'candidate', statusSince: today, email: 'jeanne.coop@example.org', advisorName: 'Sam Staff' });
    expect(res.body.history).toEqual([expect.objectContaining({ fromStatus: null, toStatus: 'candidate', effectiveDate: today, byName: 'Sam Staff' })]);
    const audits = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, res.body.id), eq(auditLog.action, 'member.created')));
    expect(audits).toHaveLength(1);
  });

  it('answers 400 on the field, not 500, to a NUL character in a name, a search or a document title, and writes nothing', async () => {
    const created = await staffA.post('/api/members', { firstName: 'Nu\u0000l', lastName: 'Octet', email: 'nul@example.org', membershipType: 'coworker' });
    expect(created.status).toBe(400);
    expect(fieldPaths(created.body)).toEqual(['firstName']);
    expect((await staffA.get('/api/members?q=nul@example.org')).body.total).toBe(0);

    const search = await staffA.get('/api/members?q=a%00b');
    expect(search.status).toBe(400);
    expect(fieldPaths(search.body)).toEqual(['query.q']);

    const upload = await staffA.upload(`/api/members/${other.id}/documents`, { filename: 'n.pdf', contentType: 'application/pdf', bytes: pdfBytes }, { kind: 'other', title: 'Ti\u0000tre' });
    expect(upload.status).toBe(400);
    expect(fieldPaths(upload.body)).toEqual(['title']);
  });

  it('an independent is registered with their company and its SIRET', async () => {
    const res = await staffA.post('/api/members', { firstName: 'Ivan', lastName: 'Indé', email: 'ivan@example.org', membershipType: 'independent', companyName: 'Ivan Conseil', siret });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ membershipType: 'independent', companyName: 'Ivan Conseil', siret });
  });

  it.each([
    ['a missing last name', { firstName: 'X', email: 'x1@example.org', membershipType: 'coworker' }, 'lastName'],
    ['a malformed email', { firstName: 'X', lastName: 'Y', email: 'not-an-email', membershipType: 'coworker' }, 'email'],
    ['an unknown membership type', { firstName: 'X', lastName: 'Y', email: 'x2@example.org', membershipType: 'volunteer' }, 'membershipType'],
    ['an invalid SIRET', { firstName: 'X', lastName: 'Y', email: 'x3@example.org', membershipType: 'independent', companyName: 'X SARL', siret: '12345678901234' }, 'siret'],
    ['an independent without company', { firstName: 'X', lastName: 'Y', email: 'x4@example.org', membershipType: 'independent', siret }, 'companyName'],
    ['an independent without SIRET', { firstName: 'X', lastName: 'Y', email: 'x5@example.org', membershipType: 'independent', companyName: 'X SARL' }, 'siret'],
    ['an advisor who is not staff', { firstName: 'X', lastName: 'Y', email: 'x6@example.org', membershipType: 'coworker', advisorUserId: 'MEMBER' }, 'advisorUserId'],
    ['an advisor of another coop', { firstName: 'X', lastName: 'Y', email: 'x7@example.org', membershipType: 'coworker', advisorUserId: 'FOREIGN_STAFF' }, 'advisorUserId'],
    ['a pole the coop does not have', { firstName: 'X', lastName: 'Y', email: 'x8@example.org', membershipType: 'coworker', pole: 'astrologie' }, 'pole'],
  ])('refuses %s with a 400 on the field and writes nothing', async (_, input, field) => {
    const body = { ...input } as Record<string, unknown>;
    if (body.advisorUserId === 'MEMBER') body.advisorUserId = a.member.id;
    if (body.advisorUserId === 'FOREIGN_STAFF') body.advisorUserId = b.staff.id;
    const before = [await countRows(t.database.db, members), await countRows(t.database.db, memberStatusChanges), await countRows(t.database.db, auditLog)];
    const res = await staffA.post('/api/members', body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(fieldPaths(res.body)).toContain(field);
    expect([await countRows(t.database.db, members), await countRows(t.database.db, memberStatusChanges), await countRows(t.database.db, auditLog)]).toEqual(before);
  });

  it('refuses a membership type the coop does not host', async () => {
    const admin = await login(a.admin.email);
    expect((await admin.patch('/api/coop', { membershipTypes: ['entrepreneur_salarie', 'independent'] })).status).toBe(200);
    const before = await countRows(t.database.db, members);
    const res = await staffA.post('/api/members', { firstName: 'C', lastName: 'W', email: 'cw@example.org', membershipType: 'coworker' });
    expect(res.status).toBe(400);
    expect(fieldPaths(res.body)).toEqual(['membershipType']);
    expect(await countRows(t.database.db, members)).toBe(before);
    await admin.patch('/api/coop', { membershipTypes: ['entrepreneur_salarie', 'independent', 'coworker'] });
  });

  it('refuses a second member with the same email in the coop, whatever its case', async () => {
    const before = await countRows(t.database.db, members);
    const res = await staffA.post('/api/members', { firstName: 'H', lastName: 'D', email: other.email.toUpperCase(), membershipType: 'coworker' });
    expect(res.status).toBe(409);
    expect(fieldPaths(res.body)).toEqual(['email']);
    expect(await countRows(t.database.db, members)).toBe(before);
  });

  it('accepts the same email in another coop', async () => {
    const res = await staffB.post('/api/members', { firstName: 'H', lastName: 'D', email: other.email, membershipType: 'entrepreneur_salarie' });
    expect(res.status).toBe(201);
  });

  it('a member cannot register members', async () => {
    const res = await memberA.post('/api/members', { firstName: 'M', lastName: 'M', email: 'mm@example.org', membershipType: 'coworker' });
    expect(res.status).toBe(403);
  });
});

describe('what a member sees', () => {
  it('a member lists only themself', async () => {
    const res = await memberA.get('/api/members');
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(1);
    expect(res.body.items.map((m: { id: string }) => m.id)).toEqual([mia.id]);
  });

  it('a member reads their own record at /me and by id', async () => {
    const me = await memberA.get('/api/members/me');
    expect(me.status).toBe(200);
    expect(me.body.id).toBe(mia.id);
    expect((await memberA.get(`/api/members/${mia.id}`)).status).toBe(200);
  });

  it('a member cannot read another member, nor their documents', async () => {
    for (const url of [`/api/members/${other.id}`, `/api/members/${other.id}/documents`]) {
      const res = await memberA.get(url);
      expect(res.status).toBe(404);
      expect(res.raw).not.toContain(other.email);
    }
  });

  it('a member cannot change another member', async () => {
    expect((await memberA.patch(`/api/members/${other.id}`, { phone: '0600000000' })).status).toBe(404);
  });

  it("the session tells the menu the member's membership type, and none for staff without a member record", async () => {
    expect((await memberA.get('/api/auth/session')).body.membershipType).toBe('entrepreneur_salarie');
    expect((await staffA.get('/api/auth/session')).body.membershipType).toBeNull();
    await t.database.db.update(members).set({ membershipType: 'independent', companyName: 'Mia SARL', siret }).where(eq(members.id, mia.id));
    try {
      expect((await memberA.get('/api/auth/session')).body.membershipType).toBe('independent');
    } finally {
      await t.database.db.update(members).set({ membershipType: 'entrepreneur_salarie', companyName: null, siret: null }).where(eq(members.id, mia.id));
    }
  });

  it('a staff member without a member record gets a 404 at /me', async () => {
    expect((await staffA.get('/api/members/me')).status).toBe(404);
  });

  it('a member cannot move a status', async () => {
    const before = await countRows(t.database.db, memberStatusChanges);
    const res = await memberA.post(`/api/members/${mia.id}/transitions`, { to: 'employee', effectiveDate: today, contractStartDate: today });
    expect(res.status).toBe(403);
    expect(await countRows(t.database.db, memberStatusChanges)).toBe(before);
  });

  it('a member cannot get the member picker nor the advisors', async () => {
    expect((await memberA.get('/api/members/options')).status).toBe(403);
    expect((await memberA.get('/api/members/advisors')).status).toBe(403);
  });
});

describe('advisors', () => {
  it('staff see the staff and admins of their coop as possible advisors, and no one else', async () => {
    const res = await staffA.get('/api/members/advisors');
    expect(res.status).toBe(200);
    expect(res.body.map((p: { name: string }) => p.name).sort()).toEqual(['Alice Admin', 'Anna Accountant', 'Sam Staff']);
  });
});

describe('editing a profile', () => {
  it('a member changes their own contact details, skills and pole', async () => {
    const res = await memberA.patch(`/api/members/${mia.id}`, { phone: '06 12 34 56 78', city: 'Lyon', bio: 'Graphiste.', skills: ['design', 'illustration'], pole: 'technical' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ phone: '06 12 34 56 78', city: 'Lyon', skills: ['design', 'illustration'], pole: 'technical' });
  });

  it.each([
    ['email', { email: 'new@example.org' }],
    ['membershipType', { membershipType: 'coworker' }],
    ['advisorUserId', { advisorUserId: 'STAFF' }],
  ])('a member cannot change their own %s', async (field, patch) => {
    const body = { ...patch } as Record<string, unknown>;
    if (body.advisorUserId === 'STAFF') body.advisorUserId = a.staff.id;
    const before = (await t.database.db.select().from(members).where(eq(members.id, mia.id)))[0];
    const res = await memberA.patch(`/api/members/${mia.id}`, body);
    expect(res.status).toBe(403);
    expect(fieldPaths(res.body)).toEqual([field]);
    const after = (await t.database.db.select().from(members).where(eq(members.id, mia.id)))[0];
    expect(after).toEqual(before);
  });

  it('nobody changes a status by editing the profile', async () => {
    const res = await staffA.patch(`/api/members/${other.id}`, { status: 'associate' });
    expect(res.status).toBe(400);
    expect((await t.database.db.select().from(members).where(eq(members.id, other.id)))[0].status).toBe('candidate');
  });

  it('staff change the type, advisor and email of a candidate', async () => {
    const created = await addMember(t.database.db, a, { firstName: 'Tom', lastName: 'Type' });
    const res = await staffA.patch(`/api/members/${created.id}`, { membershipType: 'coworker', advisorUserId: a.accountant.id, email: 'tom.type@example.org' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ membershipType: 'coworker', advisorName: 'Anna Accountant', email: 'tom.type@example.org' });
  });

  it.each([
    ['a malformed postal code', { postalCode: '!!' }, 'postalCode'],
    ['an empty first name', { firstName: '' }, 'firstName'],
    ['an advisor who is not staff', { advisorUserId: 'MEMBER' }, 'advisorUserId'],
    ['an independent type without company', { membershipType: 'independent' }, 'companyName'],
    ['an invalid SIRET', { siret: '123' }, 'siret'],
  ])('refuses %s with a 400 on the field and changes nothing', async (_, patch, field) => {
    const body = { ...patch } as Record<string, unknown>;
    if (body.advisorUserId === 'MEMBER') body.advisorUserId = a.member.id;
    const before = (await t.database.db.select().from(members).where(eq(members.id, other.id)))[0];
    const audits = await countRows(t.database.db, auditLog);
    const res = await staffA.patch(`/api/members/${other.id}`, body);
    expect(res.status).toBe(400);
    expect(fieldPaths(res.body)).toContain(field);
    expect((await t.database.db.select().from(members).where(eq(members.id, other.id)))[0]).toEqual(before);
    expect(await countRows(t.database.db, auditLog)).toBe(audits);
  });

  it('refuses to change the type of a member already on their path', async () => {
    const moved = await addMember(t.database.db, a, { firstName: 'Paul', lastName: 'Parcours' });
    await staffA.post(`/api/members/${moved.id}/transitions`, { to: 'employee', effectiveDate: today, contractStartDate: today });
    const refused = await staffA.patch(`/api/members/${moved.id}`, { membershipType: 'coworker' });
    expect(refused.status).toBe(400);
    expect(fieldPaths(refused.body)).toEqual(['membershipType']);
  });

  it('refuses an email already used by another member with a 409', async () => {
    const res = await staffA.patch(`/api/members/${other.id}`, { email: mia.email });
    expect(res.status).toBe(409);
    expect(fieldPaths(res.body)).toEqual(['email']);
  });
});

describe('the lifecycle of an entrepreneur-salarié', () => {
  it('goes from candidate through CAPE, CESA, associate, notice withdrawn, notice again, to left, with its history', async () => {
    const m = await addMember(t.database.db, a, { firstName: 'Léa', lastName: 'Parcours' });
    const move = (body: Record<string, unknown>) => staffA.post(`/api/members/${m.id}/transitions`, body);
    const capeEnd = addMonths(today, 12);

    let res = await move({ to: 'in_support', effectiveDate: today, contractStartDate: today, contractEndDate: capeEnd, note: 'CAPE signé' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'in_support', supportStartDate: today, supportEndDate: capeEnd });

    res = await move({ to: 'employee', effectiveDate: today, contractStartDate: today });
    expect(res.body).toMatchObject({ status: 'employee', employmentStartDate: today });

    res = await move({ to: 'associate', effectiveDate: today });
    expect(res.body).toMatchObject({ status: 'associate', associateSince: today });

    res = await move({ to: 'leaving', effectiveDate: today, noticeDate: today });
    expect(res.body).toMatchObject({ status: 'leaving', noticeDate: today, leavingDate: addMonths(today, 1), statusBeforeLeaving: 'associate' });

    res = await move({ to: 'associate', effectiveDate: today, note: 'Préavis retiré' });
    expect(res.body).toMatchObject({ status: 'associate', noticeDate: null, leavingDate: null });

    res = await move({ to: 'leaving', effectiveDate: today, noticeDate: today, leavingDate: addMonths(today, 2) });
    expect(res.body.leavingDate).toBe(addMonths(today, 2));

    res = await move({ to: 'left', effectiveDate: addMonths(today, 2) });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'left', statusSince: addMonths(today, 2) });
    expect(res.body.history.map((h: { toStatus: string }) => h.toStatus)).toEqual(['candidate', 'in_support', 'employee', 'associate', 'leaving', 'associate', 'leaving', 'left']);
    expect(res.body.history[1]).toMatchObject({ fromStatus: 'candidate', note: 'CAPE signé', byName: 'Sam Staff' });

    const audits = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, m.id), eq(auditLog.action, 'member.status_changed')));
    expect(audits).toHaveLength(7);

    res = await move({ to: 'leaving', effectiveDate: addMonths(today, 3), noticeDate: addMonths(today, 3) });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('TRANSITION_NOT_ALLOWED');
  });

  it('an independent becomes active, then an associate', async () => {
    const m = await addMember(t.database.db, a, { firstName: 'Inès', lastName: 'Indé', membershipType: 'independent', companyName: 'Inès SAS', siret });
    expect((await staffA.post(`/api/members/${m.id}/transitions`, { to: 'active', effectiveDate: today })).body.status).toBe('active');
    expect((await adminA.post(`/api/members/${m.id}/transitions`, { to: 'associate', effectiveDate: today })).body.status).toBe('associate');
  });

  it.each([
    ['a move the type does not allow', { to: 'associate', effectiveDate: 'TODAY' }, 409, 'to'],
    ['a move to the status held', { to: 'candidate', effectiveDate: 'TODAY' }, 409, 'to'],
    ['a CAPE of more than 36 months', { to: 'in_support', effectiveDate: 'TODAY', contractStartDate: 'TODAY', contractEndDate: 'IN_37_MONTHS' }, 400, 'contractEndDate'],
    ['a CAPE without end date', { to: 'in_support', effectiveDate: 'TODAY', contractStartDate: 'TODAY' }, 400, 'contractEndDate'],
    ['a CESA without start date', { to: 'employee', effectiveDate: 'TODAY' }, 400, 'contractStartDate'],
    ['a move dated before the current status', { to: 'employee', effectiveDate: '2000-01-01', contractStartDate: '2000-01-01' }, 400, 'effectiveDate'],
    ['a leaving date within the notice period', { to: 'leaving', effectiveDate: 'TODAY', noticeDate: 'TODAY', leavingDate: 'TODAY' }, 400, 'leavingDate'],
    ['a notice without notice date', { to: 'leaving', effectiveDate: 'TODAY' }, 400, 'noticeDate'],
    ['an unknown status', { to: 'retired', effectiveDate: 'TODAY' }, 400, 'to'],
    ['a malformed date', { to: 'active', effectiveDate: '31/12/2025' }, 400, 'effectiveDate'],
  ])('refuses %s and writes nothing', async (_, input, status, field) => {
    const m = await addMember(t.database.db, a);
    const values: Record<string, string> = { TODAY: today, IN_37_MONTHS: addMonths(today, 37) };
    const body = Object.fromEntries(Object.entries(input).map(([k, v]) => [k, values[v] ?? v]));
    const before = [await countRows(t.database.db, memberStatusChanges), await countRows(t.database.db, auditLog)];
    const res = await staffA.post(`/api/members/${m.id}/transitions`, body);
    expect(res.status).toBe(status);
    expect(fieldPaths(res.body)).toContain(field);
    expect([await countRows(t.database.db, memberStatusChanges), await countRows(t.database.db, auditLog)]).toEqual(before);
    expect((await t.database.db.select().from(members).where(eq(members.id, m.id)))[0].status).toBe('candidate');
  });

  it('two moves sent at once are judged one after the other', async () => {
    const m = await addMember(t.database.db, a);
    const body = { to: 'employee', effectiveDate: today, contractStartDate: today };
    const results = await Promise.all([staffA.post(`/api/members/${m.id}/transitions`, body), adminA.post(`/api/members/${m.id}/transitions`, body)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const changes = await t.database.db.select().from(memberStatusChanges).where(eq(memberStatusChanges.memberId, m.id));
    expect(changes).toHaveLength(2);
  });
});

describe('documents', () => {
  it('names a download whose file name holds an apostrophe or brackets with a well-formed filename* (RFC 5987)', async () => {
    const up = await staffA.upload(`/api/members/${other.id}/documents`, { filename: `l'acte signé (1)*.pdf`, contentType: 'application/pdf', bytes: pdfBytes }, { kind: 'other', title: 'Acte' });
    expect(up.status).toBe(201);
    const down = await staffA.get(`/api/members/${other.id}/documents/${up.body.id}/content`);
    expect(down.headers['content-disposition']).toBe(`attachment; filename="l'acte signe (1)*.pdf"; filename*=UTF-8''l%27acte%20sign%C3%A9%20%281%29%2A.pdf`);
  });

  it('staff upload a PDF and download the same bytes, with their SHA-256 recorded', async () => {
    const up = await staffA.upload(`/api/members/${other.id}/documents`, { filename: 'Charte signée.pdf', contentType: 'application/pdf', bytes: pdfBytes }, { kind: 'charter', title: 'Charte', signedOn: today });
    expect(up.status).toBe(201);
    const sha256 = createHash('sha256').update(pdfBytes).digest('hex');
    expect(up.body).toMatchObject({ kind: 'charter', fileName: 'Charte signée.pdf', sizeBytes: pdfBytes.length, sha256, signedOn: today });
    const [row] = await t.database.db.select().from(memberDocuments).where(eq(memberDocuments.id, up.body.id));
    expect(row.storageKey).toMatch(new RegExp(`^coops/${a.id}/members/${other.id}/[0-9a-f-]{36}$`));

    const down = await staffA.get(`/api/members/${other.id}/documents/${up.body.id}/content`);
    expect(down.status).toBe(200);
    expect(down.headers['content-type']).toBe('application/pdf');
    expect(String(down.headers['content-disposition'])).toMatch(/^attachment; filename="Charte signee.pdf"; filename\*=UTF-8''Charte%20sign%C3%A9e.pdf$/);
    // The fixture PDF is plain ASCII, so the text body carries its exact bytes.
    expect(createHash('sha256').update(Buffer.from(down.raw, 'latin1')).digest('hex')).toBe(sha256);

    const list = await staffA.get(`/api/members/${other.id}/documents`);
    expect(list.body.map((d: { id: string }) => d.id)).toContain(up.body.id);
    expect((await staffA.get(`/api/members/${other.id}`)).body.documents.map((d: { id: string }) => d.id)).toContain(up.body.id);
  });

  it('refuses a file that claims to be a PDF but is not', async () => {
    const before = await countRows(t.database.db, memberDocuments);
    const res = await staffA.upload(`/api/members/${other.id}/documents`, { filename: 'fake.pdf', contentType: 'application/pdf', bytes: Buffer.from('<html><script>alert(1)</script></html>') }, { kind: 'other', title: 'Faux' });
    expect(res.status).toBe(400);
    expect(fieldPaths(res.body)).toEqual(['file']);
    expect(await countRows(t.database.db, memberDocuments)).toBe(before);
  });

  it.each([
    ['an HTML file', { contentType: 'text/html', bytes: Buffer.from('<html></html>') }, { kind: 'other', title: 'X' }, 'file'],
    ['a Word file that is not a contract', { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', bytes: Buffer.from('PK\u0003\u0004word/document.xml') }, { kind: 'charter', title: 'X' }, 'file'],
    ['an unknown kind', { contentType: 'application/pdf', bytes: pdfBytes }, { kind: 'diploma', title: 'X' }, 'kind'],
    ['a missing title', { contentType: 'application/pdf', bytes: pdfBytes }, { kind: 'other' }, 'title'],
    ['a fiscal statement without year', { contentType: 'application/pdf', bytes: pdfBytes }, { kind: 'fiscal_statement', title: 'Liasse' }, 'year'],
    ['a malformed signing date', { contentType: 'application/pdf', bytes: pdfBytes }, { kind: 'charter', title: 'Charte', signedOn: 'hier' }, 'signedOn'],
    ['a file larger than the limit', { contentType: 'application/pdf', bytes: Buffer.concat([pdfBytes, Buffer.alloc(1024 * 1024 + 1)]) }, { kind: 'other', title: 'Gros' }, 'file'],
  ])('refuses %s with a 400 on the field and stores nothing', async (_, file, fields, field) => {
    const before = await countRows(t.database.db, memberDocuments);
    const res = await staffA.upload(`/api/members/${other.id}/documents`, { filename: 'f', ...file }, fields as Record<string, string>);
    expect(res.status).toBe(400);
    expect(fieldPaths(res.body)).toEqual([field]);
    expect(await countRows(t.database.db, memberDocuments)).toBe(before);
  });

  it('says how large a file may be', async () => {
    const res = await staffA.upload(`/api/members/${other.id}/documents`, { filename: 'gros.pdf', contentType: 'application/pdf', bytes: Buffer.concat([pdfBytes, Buffer.alloc(1024 * 1024)]) }, { kind: 'other', title: 'Gros' });
    expect(res.body.error.fields[0].message).toBe('Fichier trop volumineux : 1 Mo au plus.');
  });

  it('accepts a contract as an OpenDocument text from staff', async () => {
    const odt = Buffer.concat([Buffer.from([0x50, 0x4b, 3, 4]), Buffer.alloc(22), Buffer.from([8, 0, 0, 0]), Buffer.from('mimetypeapplication/vnd.oasis.opendocument.text')]);
    const res = await staffA.upload(`/api/members/${other.id}/documents`, { filename: 'cesa.odt', contentType: 'application/vnd.oasis.opendocument.text', bytes: odt }, { kind: 'contract', title: 'CESA' });
    expect(res.status).toBe(201);
  });

  it('a member files their own charter and fiscal statement, but not a contract', async () => {
    const charter = await memberA.upload(`/api/members/${mia.id}/documents`, { filename: 'charte.pdf', contentType: 'application/pdf', bytes: pdfBytes }, { kind: 'charter', title: 'Charte', signedOn: today });
    expect(charter.status).toBe(201);
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    const statement = await memberA.upload(`/api/members/${mia.id}/documents`, { filename: 'liasse.png', contentType: 'image/png', bytes: png }, { kind: 'fiscal_statement', title: 'Liasse', year: '2025' });
    expect(statement.status).toBe(201);
    expect(statement.body.year).toBe(2025);
    const contract = await memberA.upload(`/api/members/${mia.id}/documents`, { filename: 'c.pdf', contentType: 'application/pdf', bytes: pdfBytes }, { kind: 'contract', title: 'Contrat' });
    expect(contract.status).toBe(400);
    expect(fieldPaths(contract.body)).toEqual(['kind']);
    const down = await memberA.get(`/api/members/${mia.id}/documents/${charter.body.id}/content`);
    expect(down.status).toBe(200);
  });

  it('a member cannot file a document for another member, nor delete one', async () => {
    const before = await countRows(t.database.db, memberDocuments);
    const res = await memberA.upload(`/api/members/${other.id}/documents`, { filename: 'x.pdf', contentType: 'application/pdf', bytes: pdfBytes }, { kind: 'other', title: 'X' });
    expect(res.status).toBe(404);
    expect(await countRows(t.database.db, memberDocuments)).toBe(before);
    const [doc] = await t.database.db.select().from(memberDocuments).where(eq(memberDocuments.memberId, mia.id));
    expect((await memberA.delete(`/api/members/${mia.id}/documents/${doc.id}`)).status).toBe(403);
  });

  it('staff delete a document; its content is gone and the removal is audited', async () => {
    const up = await staffA.upload(`/api/members/${other.id}/documents`, { filename: 'id.jpg', contentType: 'image/jpeg', bytes: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2]) }, { kind: 'identity', title: "Pièce d'identité" });
    expect(up.status).toBe(201);
    expect((await staffA.delete(`/api/members/${other.id}/documents/${up.body.id}`)).status).toBe(204);
    expect((await staffA.get(`/api/members/${other.id}/documents/${up.body.id}/content`)).status).toBe(404);
    expect((await staffA.delete(`/api/members/${other.id}/documents/${up.body.id}`)).status).toBe(404);
    const audits = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, other.id), eq(auditLog.action, 'member.document_deleted')));
    expect(audits).toHaveLength(1);
  });
});

describe('tenant isolation', () => {
  it('staff of another coop cannot read, change, move or file for a member of this coop', async () => {
    const [doc] = await t.database.db.select().from(memberDocuments).where(eq(memberDocuments.memberId, other.id));
    const before = [await countRows(t.database.db, memberStatusChanges), await countRows(t.database.db, memberDocuments)];
    const answers = [
      await staffB.get(`/api/members/${other.id}`),
      await staffB.get(`/api/members/${other.id}/documents`),
      await staffB.get(`/api/members/${other.id}/documents/${doc.id}/content`),
      await staffB.patch(`/api/members/${other.id}`, { phone: '0000' }),
      await staffB.post(`/api/members/${other.id}/transitions`, { to: 'leaving', effectiveDate: today, noticeDate: today }),
      await staffB.upload(`/api/members/${other.id}/documents`, { filename: 'x.pdf', contentType: 'application/pdf', bytes: pdfBytes }, { kind: 'other', title: 'X' }),
      await staffB.delete(`/api/members/${other.id}/documents/${doc.id}`),
      await staffB.get(`/api/members/${foreign.id}/documents/${doc.id}/content`),
    ];
    expect(answers.map((r) => r.status)).toEqual([404, 404, 404, 404, 404, 404, 404, 404]);
    for (const r of answers) expect(r.raw).not.toContain(other.email);
    expect([await countRows(t.database.db, memberStatusChanges), await countRows(t.database.db, memberDocuments)]).toEqual(before);
  });

  it("a coop's lists, searches and pickers never show another coop's members", async () => {
    const list = await staffB.get('/api/members?pageSize=100');
    expect(list.body.items.map((m: { id: string }) => m.id)).not.toContain(other.id);
    expect((await staffB.get('/api/members?q=dupre')).body.items.every((m: { id: string }) => m.id !== other.id)).toBe(true);
    expect((await staffB.get('/api/members/options')).body.map((o: { id: string }) => o.id)).not.toContain(other.id);
    expect((await staffA.get('/api/members?pageSize=100')).body.items.map((m: { id: string }) => m.id)).not.toContain(foreign.id);
  });

  it('a member of another coop cannot read this coop’s members', async () => {
    const memberB = await login(b.member.email);
    expect((await memberB.get(`/api/members/${mia.id}`)).status).toBe(404);
    expect((await memberB.get('/api/members/me')).body.id).toBe(foreign.id);
  });
});

describe('searching and filtering', () => {
  let coop: Awaited<ReturnType<typeof createTestCoop>>;
  let staff: TestClient;

  beforeAll(async () => {
    coop = await createTestCoop(t.database.db, 'members-search');
    const advisor2 = await createPerson(t.database.db, coop.id, `advisor2@${coop.id}.test`, 'Zoé Conseil', ['staff']);
    const people: [string, string, string, Record<string, unknown>][] = [
      ['Hélène', 'Lefèvre', 'entrepreneur_salarie', { skills: ['design'], pole: 'technical', advisorUserId: coop.staff.id }],
      ['Helena', 'Martin', 'entrepreneur_salarie', { skills: ['comptabilité'], advisorUserId: advisor2.id }],
      ['Émile', 'Zola', 'coworker', { skills: ['design', 'écriture'], pole: 'project_management' }],
      ['Noé', 'Dubois', 'independent', { companyName: 'Bûcheron Éco', siret }],
    ];
    for (const [firstName, lastName, membershipType, over] of people) await addMember(t.database.db, coop, { firstName, lastName, membershipType: membershipType as 'coworker', ...over });
    for (let i = 0; i < 7; i++) await addMember(t.database.db, coop, { firstName: 'Lot', lastName: `Numéro ${i}` });
    staff = await login(coop.staff.email);
  });

  const names = (body: { items: { firstName: string; lastName: string }[] }) => body.items.map((m) => `${m.firstName} ${m.lastName}`);

  it('finds a name typed without its accents, and with other accents or case', async () => {
    expect(names((await staff.get('/api/members?q=helene')).body)).toEqual(['Hélène Lefèvre']);
    expect(names((await staff.get('/api/members?q=LEFEVRE')).body)).toEqual(['Hélène Lefèvre']);
    expect(names((await staff.get(`/api/members?q=${encodeURIComponent('émile zo')}`)).body)).toEqual(['Émile Zola']);
    expect(names((await staff.get('/api/members?q=hele')).body)).toEqual(['Hélène Lefèvre', 'Helena Martin']);
  });

  it('finds a member by their company or email, and treats % and _ literally', async () => {
    expect(names((await staff.get('/api/members?q=bucheron')).body)).toEqual(['Noé Dubois']);
    expect((await staff.get('/api/members?q=%25')).body.total).toBe(0);
    expect((await staff.get('/api/members?q=_')).body.total).toBe(0);
  });

  it('filters by status, type, skill, pole and advisor', async () => {
    expect(names((await staff.get('/api/members?type=coworker')).body)).toEqual(['Émile Zola']);
    expect(names((await staff.get('/api/members?skill=design')).body)).toEqual(['Hélène Lefèvre', 'Émile Zola']);
    expect(names((await staff.get('/api/members?pole=technical')).body)).toEqual(['Hélène Lefèvre']);
    expect(names((await staff.get(`/api/members?advisorId=${coop.staff.id}`)).body)).toEqual(['Hélène Lefèvre']);
    expect((await staff.get(`/api/members?advisorId=${coop.staff.id}`)).body.items[0].advisorName).toBe('Sam Staff');
    expect((await staff.get('/api/members?status=candidate')).body.total).toBe(11);
    expect((await staff.get('/api/members?status=employee')).body.total).toBe(0);
  });

  it('pages the list with the total of the whole result', async () => {
    const p1 = await staff.get('/api/members?pageSize=4&page=1');
    const p3 = await staff.get('/api/members?pageSize=4&page=3');
    expect(p1.body).toMatchObject({ total: 11, page: 1, pageSize: 4 });
    expect(p1.body.items).toHaveLength(4);
    expect(p3.body.items).toHaveLength(3);
    expect(names(p1.body)[0]).toBe('Noé Dubois');
  });

  it('sorts by status along the path, then by name', async () => {
    const [first] = (await staff.get('/api/members?q=lot&pageSize=1')).body.items;
    expect((await staff.post(`/api/members/${first.id}/transitions`, { to: 'employee', effectiveDate: today, contractStartDate: today })).status).toBe(200);
    const byStatus = await staff.get('/api/members?sort=status&pageSize=100');
    expect(byStatus.body.items.at(-1).id).toBe(first.id);
    const byDate = await staff.get('/api/members?sort=createdAt&pageSize=100');
    expect(byDate.body.items).toHaveLength(11);
  });

  it('sorts names as a French reader does, Étienne with the E, in the list and in the picker', async () => {
    const sorted = await createTestCoop(t.database.db, 'members-order');
    for (const [firstName, lastName] of [['Zoé', 'Zèbre'], ['Élodie', 'Étienne'], ['Paul', 'Dupont'], ['Fanny', 'favre'], ['Anne', 'Éclair']]) {
      await addMember(t.database.db, sorted, { firstName: firstName!, lastName: lastName! });
    }
    const advisor = await login(sorted.staff.email);
    const order = ['Paul Dupont', 'Anne Éclair', 'Élodie Étienne', 'Fanny favre', 'Zoé Zèbre'];
    expect(names((await advisor.get('/api/members?pageSize=100')).body)).toEqual(order);
    expect((await listMemberOptions(t.database.db, sorted.id)).map((o) => o.name)).toEqual(order);
  });

  it('refuses an unknown filter value with a 400 on the query field', async () => {
    const res = await staff.get('/api/members?status=retired');
    expect(res.status).toBe(400);
    expect(fieldPaths(res.body)).toEqual(['query.status']);
  });

  it('gives the picker every member by name with their status', async () => {
    const options = await listMemberOptions(t.database.db, coop.id);
    expect(options).toHaveLength(11);
    expect(options[0]).toMatchObject({ name: 'Noé Dubois', status: expect.any(String) });
    const res = await staff.get('/api/members/options');
    expect(res.body).toEqual(options);
  });

  it('counts members by status', async () => {
    const counts = await countMembersByStatus(t.database.db, coop.id);
    expect(counts).toEqual({ candidate: 10, in_support: 0, employee: 1, associate: 0, active: 0, leaving: 0, left: 0 });
  });

  it('counts the charters and fiscal statements the coop is waiting for', async () => {
    const [noe] = (await staff.get('/api/members?q=bucheron')).body.items;
    expect(await countPendingDocuments(t.database.db, coop.id, undefined, { year: 2025 })).toEqual({ missingCharter: 11, missingFiscalStatement: 1 });
    await staff.upload(`/api/members/${noe.id}/documents`, { filename: 'c.pdf', contentType: 'application/pdf', bytes: pdfBytes }, { kind: 'charter', title: 'Charte', signedOn: '2025-03-01' });
    await staff.upload(`/api/members/${noe.id}/documents`, { filename: 'b.pdf', contentType: 'application/pdf', bytes: pdfBytes }, { kind: 'balance_sheet', title: 'Bilan', year: '2025' });
    expect(await countPendingDocuments(t.database.db, coop.id, undefined, { today: '2026-04-01' })).toEqual({ missingCharter: 10, missingFiscalStatement: 0 });
    expect(await countPendingDocuments(t.database.db, coop.id, noe.id, { today: '2027-04-01' })).toEqual({ missingCharter: 0, missingFiscalStatement: 1 });
  });
});

describe('linking a member to an account', () => {
  it('gives a member the account they log in with, once', async () => {
    const m = await addMember(t.database.db, a, { firstName: 'Nina', lastName: 'Lien' });
    const person = await createPerson(t.database.db, a.id, 'nina.lien@example.org', 'Nina Lien', ['member']);
    await t.database.db.transaction((tx) => linkMemberToUser(tx, a.id, m.id, person.id));
    const nina = await login('nina.lien@example.org');
    expect((await nina.get('/api/members/me')).body.id).toBe(m.id);
    await expect(t.database.db.transaction((tx) => linkMemberToUser(tx, a.id, other.id, person.id))).rejects.toMatchObject({ code: 'MEMBER_USER_TAKEN' });
    await expect(t.database.db.transaction((tx) => linkMemberToUser(tx, b.id, m.id, person.id))).rejects.toMatchObject({ code: 'MEMBER_NOT_FOUND' });
  });
});
