import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { and, eq } from 'drizzle-orm';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFStream, type PDFRawStream } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app.js';
import { createTestCoop, DEMO_PASSWORD, sirenFor, siretFor } from '../../../test/support/fixtures.js';
import { setUpLedger } from '../../../test/support/ledger-fixtures.js';
import { addMember } from '../../../test/support/members-fixtures.js';
import { auditLog } from '../../platform/audit/schema.js';
import { createActivity } from '../activities/index.js';
import { createClient } from '../clients/index.js';
import { memberFees } from '../fees/schema.js';
import { invoiceFiles, invoices } from '../invoicing/schema.js';
import { journalEntries, journalEntryLines } from '../ledger/schema.js';
import { members } from '../members/schema.js';
import type { ChargeableBooking } from '../resources/index.js';
import { billResourceMonth } from './index.js';
import { resourceBillingItems } from './schema.js';

/** The Factur-X XML the run produces goes to .tmp/einvoices/db-<case>.xml, checked by scripts/validate-einvoices.sh (EN 16931 and French rules). */
const OUT = path.resolve('.tmp/einvoices');
fs.mkdirSync(OUT, { recursive: true });
function emit(name: string, xml: string) {
  // Both engines run this file; a rename makes each write whole for the validator.
  const tmp = path.join(OUT, `.db-${name}.${process.pid}.tmp`);
  fs.writeFileSync(tmp, xml);
  fs.renameSync(tmp, path.join(OUT, `db-${name}.xml`));
}

/** factur-x.xml as a reader finds it: the EmbeddedFiles name tree of the PDF's catalog. */
async function embeddedXml(bytes: Uint8Array): Promise<string> {
  const pdf = await PDFDocument.load(bytes);
  const names = pdf.catalog.lookup(PDFName.of('Names'), PDFDict).lookup(PDFName.of('EmbeddedFiles'), PDFDict).lookup(PDFName.of('Names'), PDFArray);
  for (let i = 0; i < names.size(); i += 2) {
    if ((names.lookup(i) as unknown as { decodeText(): string }).decodeText() !== 'factur-x.xml') continue;
    const stream = names.lookup(i + 1, PDFDict).lookup(PDFName.of('EF'), PDFDict).lookup(PDFName.of('F'), PDFStream);
    const raw = (stream as PDFRawStream).contents;
    return Buffer.from(stream.dict.get(PDFName.of('Filter')) ? inflateSync(raw) : raw).toString('utf8');
  }
  throw new Error('no factur-x.xml in the PDF');
}

let t: TestApp;
let a: Awaited<ReturnType<typeof createTestCoop>>;
let admin: TestClient;
let staff: TestClient;
let miaId: string;
let activityId: string;
let houseActivityId: string;
let clientId: string;
let bookings: ChargeableBooking[];
const MONTH = '2026-11';
const TODAY = '2026-12-01';

const db = () => t.database.db;
const actor = () => ({ coopId: a.id, userId: a.staff.id });
const run = (bookings: ChargeableBooking[]) => billResourceMonth(db(), t.app.deps.storage, actor(), MONTH, TODAY, async () => bookings);
const booking = (day: string, cents: number, over: Partial<ChargeableBooking> = {}): ChargeableBooking => ({
  bookingId: randomUUID(),
  kind: 'booking',
  memberId: miaId,
  activityId,
  clientId: null,
  resourceName: 'Salle Loire',
  startsAt: new Date(`${MONTH}-${day}T09:00:00Z`),
  endsAt: new Date(`${MONTH}-${day}T11:00:00Z`),
  amountCents: cents,
  vatRateBp: 2000,
  ...over,
});
const itemsOf = () => db().select().from(resourceBillingItems).where(eq(resourceBillingItems.coopId, a.id));
const resourceInvoices = () => db().select().from(memberFees).where(and(eq(memberFees.coopId, a.id), eq(memberFees.kind, 'resources')));
const linesOfSource = (type: string, id: string) =>
  db()
    .select({ account: journalEntryLines.accountNumber, debit: journalEntryLines.debitCents, credit: journalEntryLines.creditCents, activityId: journalEntryLines.activityId })
    .from(journalEntryLines)
    .innerJoin(journalEntries, and(eq(journalEntries.coopId, journalEntryLines.coopId), eq(journalEntries.id, journalEntryLines.entryId)))
    .where(and(eq(journalEntries.coopId, a.id), eq(journalEntries.sourceType, type), eq(journalEntries.sourceId, id)))
    .orderBy(journalEntryLines.lineNo);

async function login(email: string) {
  const c = t.client();
  await c.login(email, DEMO_PASSWORD);
  return c;
}

beforeAll(async () => {
  t = await createTestApp();
  a = await createTestCoop(db(), 'plans-billing');
  await setUpLedger(db(), a.id);
  const system = { coopId: a.id, userId: a.admin.id };
  miaId = (await addMember(db(), a, { firstName: 'Mia', lastName: 'Coworker', email: a.member.email, userId: a.member.id, membershipType: 'independent', companyName: 'Studio Mia', siret: siretFor(sirenFor(7171)) })).id;
  await db().update(members).set({ status: 'active', addressLine1: '3 rue du Port', postalCode: '44000', city: 'Nantes' }).where(and(eq(members.coopId, a.id), eq(members.id, miaId)));
  const siren = sirenFor(8282);
  // An activity has a holder: the coop's own business is held by its manager.
  const manager = (await addMember(db(), a, { firstName: 'Gérance', lastName: 'Coop' })).id;
  ({ activityId, houseActivityId, clientId } = await db().transaction(async (tx) => ({
    activityId: (await createActivity(tx, system, { name: 'Studio Mia', holders: [{ memberId: miaId, shareBp: 10_000 }] })).id,
    // The coop's own business: the activity its resource sales to non-members are invoiced on.
    houseActivityId: (await createActivity(tx, system, { name: 'Espaces partagés', holders: [{ memberId: manager, shareBp: 10_000 }] })).id,
    clientId: (
      await createClient(tx, system, {
        kind: 'company',
        name: 'Agence Horizon',
        siren,
        siret: siretFor(siren),
        addresses: [{ kind: 'billing', line1: '12 quai de la Fosse', postalCode: '44000', city: 'Nantes', country: 'FR', isDefault: true }],
      })
    ).id,
  })));
  [admin, staff] = await Promise.all([login(a.admin.email), login(a.staff.email)]);
});
afterAll(() => t.close());

describe('the billing setting', () => {
  it('is read by the team, changed by the admin only, checked field by field and audited', async () => {
    expect((await staff.get('/api/plans/billing/settings')).body).toEqual({ mode: 'internal_charge', clientActivityId: null });
    expect((await staff.put('/api/plans/billing/settings', { mode: 'member_invoice', clientActivityId: null })).status).toBe(403);
    const badMode = await admin.put('/api/plans/billing/settings', { mode: 'by_pigeon', clientActivityId: null });
    expect(badMode.status).toBe(400);
    expect(badMode.body.error.fields[0].path).toBe('mode');
    const unknown = await admin.put('/api/plans/billing/settings', { mode: 'member_invoice', clientActivityId: randomUUID() });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields[0].path).toBe('clientActivityId');
    expect((await staff.get('/api/plans/billing/settings')).body.mode).toBe('internal_charge');
    const ok = await admin.put('/api/plans/billing/settings', { mode: 'member_invoice', clientActivityId: null });
    expect(ok.status).toBe(200);
    const audits = await db().select().from(auditLog).where(and(eq(auditLog.coopId, a.id), eq(auditLog.action, 'resource_billing_settings.update')));
    expect(audits).toHaveLength(1);
  });
});

describe('member invoices', () => {
  const first = () => [booking('05', 4_000), booking('12', 2_500), booking('13', 1_000, { kind: 'cancellation_fee' })];

  it("invoices a member's month once on one Factur-X invoice of the RES series, however many runs at once", async () => {
    bookings = first();
    const [r1, r2] = await Promise.all([run(bookings), run(bookings)]);
    expect(r1.billed + r2.billed).toBe(3);
    expect(r1.alreadyBilled + r2.alreadyBilled).toBe(3);
    expect(r1.byMode.member_invoice + r2.byMode.member_invoice).toBe(3);
    expect(r1.invoices + r2.invoices).toBe(1);
    const again = await run(bookings);
    expect(again).toMatchObject({ billed: 0, alreadyBilled: 3, invoices: 0, skipped: 0 });
    const [invoice, ...more] = await resourceInvoices();
    expect(more).toHaveLength(0);
    expect(invoice).toMatchObject({ memberId: miaId, month: MONTH, number: `RES-2026-0001`, netCents: 7_500, vatRateBp: 2000, vatCents: 1_500, grossCents: 9_000, status: 'unpaid', issueDate: TODAY });
    const items = await itemsOf();
    expect(items.every((i) => i.mode === 'member_invoice' && i.documentId === invoice!.id && i.documentNumber === invoice!.number && i.entryId === null)).toBe(true);
    // A sale of the coop's own: D 411 the member / C 708 / C 44571, no activity.
    expect((await linesOfSource('member_fee', invoice!.id)).map((l) => [l.account, l.debit, l.credit, l.activityId])).toEqual([
      ['411', 9_000, 0, null],
      ['708', 0, 7_500, null],
      ['44571', 0, 1_500, null],
    ]);
    const read = await t.app.deps.storage.read(invoice!.storageKey, { sha256: invoice!.sha256 });
    expect(read.ok).toBe(true);
    const xml = await embeddedXml((read as { bytes: Buffer }).bytes);
    expect(xml).toContain('RES-2026-0001');
    expect(xml).toContain('<ram:GrandTotalAmount>90.00</ram:GrandTotalAmount>');
    emit('plans-member-resources', xml);
  });

  it('a change of mode mid-month bills only what was not billed, in the new mode; nothing twice', async () => {
    expect((await admin.put('/api/plans/billing/settings', { mode: 'internal_charge', clientActivityId: null })).status).toBe(200);
    const late = booking('20', 3_000);
    const r = await run([...bookings, late]);
    expect(r).toMatchObject({ billed: 1, alreadyBilled: 3, byMode: { internal_charge: 1, member_invoice: 0, client_invoice: 0 } });
    const charged = (await itemsOf()).find((i) => i.sourceId === late.bookingId)!;
    expect(charged).toMatchObject({ mode: 'internal_charge', documentId: null });
    expect((await linesOfSource('resource_billing', charged.id)).map((l) => [l.account, l.debit, l.credit, l.activityId])).toEqual([
      ['613', 3_000, 0, activityId],
      ['708', 0, 3_000, null],
    ]);
    expect((await admin.put('/api/plans/billing/settings', { mode: 'member_invoice', clientActivityId: null })).status).toBe(200);
    expect(await run([...bookings, late])).toMatchObject({ billed: 0, alreadyBilled: 4, invoices: 0 });
    expect(await resourceInvoices()).toHaveLength(1);
    bookings = [...bookings, late];
  });

  it('where the member signed a mandate, the invoice is in the next direct debit, pre-notified, in a valid pain.008', async () => {
    expect((await admin.patch('/api/fees/settings', { creditorId: 'FR72 ZZZ 123456' })).status).toBe(200);
    expect((await staff.post('/api/fees/mandates', { memberId: miaId, reference: 'RES-MIA-01', debtorName: 'Studio Mia', iban: 'FR1420041010050500013M02606', bic: 'PSSTFRPP', signedOn: '2026-11-20' })).status).toBe(201);
    const [invoice] = await resourceInvoices();
    const offer = await staff.get('/api/fees/collectable');
    expect(offer.body.items.map((i: { feeId: string; number: string; grossCents: number }) => [i.feeId, i.number, i.grossCents])).toEqual([[invoice!.id, 'RES-2026-0001', 9_000]]);
    const built = await staff.post('/api/fees/collections', { collectionDate: offer.body.earliestCollectionDate, feeIds: [invoice!.id] });
    expect(built.status).toBe(201);
    expect(built.body).toMatchObject({ itemCount: 1, totalCents: 9_000 });
    const file = await staff.request('GET', `/api/fees/collections/${built.body.id}/file`);
    expect(file.raw).toContain('<Ustrd>Ressources 2026-11 RES-2026-0001</Ustrd>');
    fs.mkdirSync('.tmp/sepa', { recursive: true });
    const target = path.resolve('.tmp/sepa/plans-resources-collection.xml');
    fs.writeFileSync(target, file.raw);
    execFileSync('xmllint', ['--noout', '--schema', path.resolve('../shared/iso20022/pain.008.001.08.xsd'), target], { stdio: 'pipe' });
    expect(await t.app.deps.jobs.runDueJobs()).toMatchObject({ failed: 0 });
  });
});

describe("a non-member's booking", () => {
  let clientBooking: ChargeableBooking;

  it('is left aside, counted, while the coop names no activity for it', async () => {
    clientBooking = booking('18', 6_000, { memberId: null, activityId: null, clientId, resourceName: 'Salle Erdre' });
    const r = await run([...bookings, clientBooking]);
    expect(r).toMatchObject({ billed: 0, skipped: 1 });
  });

  it('is invoiced once through the sales chain: one validated invoice with its number, its Factur-X valid', async () => {
    expect((await admin.put('/api/plans/billing/settings', { mode: 'member_invoice', clientActivityId: houseActivityId })).status).toBe(200);
    const [r1, r2] = await Promise.all([run([...bookings, clientBooking]), run([...bookings, clientBooking])]);
    expect(r1.byMode.client_invoice + r2.byMode.client_invoice).toBe(1);
    expect(r1.skipped + r2.skipped).toBe(0);
    expect(r1.failures.concat(r2.failures)).toEqual([]);
    const sales = await db().select().from(invoices).where(and(eq(invoices.coopId, a.id), eq(invoices.clientId, clientId)));
    expect(sales).toHaveLength(1);
    expect(sales[0]).toMatchObject({ activityId: houseActivityId, status: 'validated', netCents: 6_000, grossCents: 7_200, kind: 'invoice' });
    expect(sales[0]!.number).toBeTruthy();
    const item = (await itemsOf()).find((i) => i.sourceId === clientBooking.bookingId)!;
    expect(item).toMatchObject({ mode: 'client_invoice', clientId, documentId: sales[0]!.id, documentNumber: sales[0]!.number });
    expect(await run([...bookings, clientBooking])).toMatchObject({ billed: 0, skipped: 0, invoices: 0 });
    // The issued files are rendered by their durable job; the XML is the one the client receives.
    expect(await t.app.deps.jobs.runDueJobs()).toMatchObject({ failed: 0 });
    const [xmlFile] = await db().select().from(invoiceFiles).where(and(eq(invoiceFiles.coopId, a.id), eq(invoiceFiles.invoiceId, sales[0]!.id), eq(invoiceFiles.kind, 'xml')));
    const read = await t.app.deps.storage.read(xmlFile!.storageKey, { sha256: xmlFile!.sha256 });
    const xml = Buffer.from((read as { bytes: Buffer }).bytes).toString('utf8');
    expect(xml).toContain(sales[0]!.number!);
    emit('plans-client-booking', xml);
  });

  it('the run page lists per mode what was billed, with the entry or the invoice of each item', async () => {
    const res = await staff.get(`/api/plans/billing/items?month=${MONTH}`);
    expect(res.status).toBe(200);
    expect(res.body.byMode).toEqual([
      { mode: 'internal_charge', count: 1, netCents: 3_000 },
      { mode: 'member_invoice', count: 3, netCents: 7_500 },
      { mode: 'client_invoice', count: 1, netCents: 6_000 },
    ]);
    const client = res.body.items.find((i: { mode: string }) => i.mode === 'client_invoice');
    expect(client).toMatchObject({ clientName: 'Agence Horizon', memberName: null });
    expect(client.documentNumber).toBeTruthy();
    expect(res.body.items.filter((i: { documentNumber: string | null }) => i.documentNumber === 'RES-2026-0001')).toHaveLength(3);
    expect(res.body.items.find((i: { mode: string }) => i.mode === 'internal_charge').entryId).toBeTruthy();
  });
});

describe('a month above the invoice ceiling (100,000 € a document)', () => {
  it('is cut into several member invoices each under it, an item above it alone is shown to the team unbilled, and a second run bills nothing twice', async () => {
    expect((await admin.put('/api/plans/billing/settings', { mode: 'member_invoice', clientActivityId: houseActivityId })).status).toBe(200);
    const october = '2026-10';
    const big = (day: string, cents: number) => booking(day, cents, { startsAt: new Date(`${october}-${day}T09:00:00Z`), endsAt: new Date(`${october}-${day}T11:00:00Z`) });
    const month = [big('05', 4_000_000), big('06', 4_000_000), big('07', 4_000_000), big('08', 10_000_001)];
    const runOctober = () => billResourceMonth(db(), t.app.deps.storage, actor(), october, '2026-11-02', async () => month);
    const before = (await resourceInvoices()).length;
    const r = await runOctober();
    expect(r).toMatchObject({ billed: 3, invoices: 2, skipped: 1 });
    expect(r.failures).toEqual([{ sourceId: month[3]!.bookingId, label: expect.stringContaining('Réservation'), reason: expect.stringContaining('plafond') }]);
    const october_ = (await resourceInvoices()).filter((f) => f.month === october);
    expect(october_.map((f) => f.netCents).sort()).toEqual([4_000_000, 8_000_000]);
    expect((await resourceInvoices()).length).toBe(before + 2);
    const billed = (await itemsOf()).filter((i) => i.month === october);
    expect(billed.map((i) => i.sourceId).sort()).toEqual(month.slice(0, 3).map((b) => b.bookingId).sort());
    // Run again: nothing billed twice, the item too large still shown.
    const again = await runOctober();
    expect(again).toMatchObject({ billed: 0, alreadyBilled: 3, invoices: 0, skipped: 1 });
    expect((await resourceInvoices()).length).toBe(before + 2);
  });
});
