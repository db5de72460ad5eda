import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app.js';
import { createPerson, DEMO_PASSWORD } from '../../../test/support/fixtures.js';
import { createPaymentsCoop } from '../../../test/support/payments-fixtures.js';
import { FEC_COLUMNS } from './domain/fec.js';
import { fecProblems } from './domain/fec-problems.js';
import { trialBalance } from './index.js';
import { carryBalancesForward } from './carry-balances-forward.js';
import { auxiliaryAccounts, fiscalYears, journalEntries, journalEntryLines } from './schema.js';

let t: TestApp;
let f: Awaited<ReturnType<typeof createPaymentsCoop>>;
let accountant: TestClient;
let admin: TestClient;
let paid: { id: string; number: string; grossCents: number };
let open: { id: string; number: string; grossCents: number };
let year2026: string;
let siren: string;

async function loggedIn(email: string) {
  const c = t.client();
  await c.login(email, DEMO_PASSWORD);
  return c;
}

const rowsOf = (raw: string, sep = '\t') =>
  raw
    .split('\r\n')
    .filter(Boolean)
    .slice(1)
    .map((line) => Object.fromEntries(line.split(sep).map((v, i) => [FEC_COLUMNS[i], v])) as Record<(typeof FEC_COLUMNS)[number], string>);

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  f = await createPaymentsCoop(db, 'exports');
  const person = await createPerson(db, f.coop.id, `compta-${f.coop.id.slice(0, 8)}@exports.test`, 'Carla Comptable', ['accountant']);
  accountant = await loggedIn(person.email);
  admin = await loggedIn(f.coop.admin.email);
  // 2025: an invoice paid in two parts (the second in 2026) and one never paid, then the year closed.
  const y2025 = await admin.post('/api/ledger/fiscal-years', { startDate: '2025-01-01', endDate: '2025-12-31' });
  expect(y2025.status).toBe(201);
  const old = await f.issueInvoice({ netCents: 10_000, day: '2025-11-10' });
  const staff = await loggedIn(f.coop.staff.email);
  expect((await staff.post('/api/payments', { clientId: f.clientId, date: '2025-12-01', amountCents: 4000, mode: 'transfer', allocations: [{ invoiceId: old.id, amountCents: 4000 }] })).status).toBe(201);
  const closed = await admin.post(`/api/ledger/fiscal-years/${y2025.body.id}/close`);
  expect(closed.status).toBe(200);
  expect((await staff.post('/api/payments', { clientId: f.clientId, date: '2026-01-15', amountCents: old.grossCents - 4000, mode: 'transfer', allocations: [{ invoiceId: old.id, amountCents: old.grossCents - 4000 }] })).status).toBe(201);
  // 2026: one invoice paid in full, one left open, for another client too.
  paid = await f.issueInvoice({ netCents: 20_000 });
  open = await f.issueInvoice({ netCents: 30_000, clientId: f.otherClientId });
  expect((await staff.post('/api/payments', { clientId: f.clientId, date: '2026-06-25', amountCents: paid.grossCents, mode: 'transfer', allocations: [{ invoiceId: paid.id, amountCents: paid.grossCents }] })).status).toBe(201);
  const years = await accountant.get('/api/ledger/fiscal-years');
  year2026 = years.body.find((y: { startDate: string }) => y.startDate === '2026-01-01').id;
  siren = (await admin.get('/api/coop')).body.siren;
  // Two years of documents through the real routes: slow on a loaded machine.
}, 240_000);
afterAll(() => t?.close());

describe("clients' auxiliary accounts", () => {
  it('gives each client an auxiliary account on its first entry and names it on every 411 line', async () => {
    const aux = await t.database.db.select().from(auxiliaryAccounts).where(eq(auxiliaryAccounts.coopId, f.coop.id));
    expect(aux.map((a) => [a.number, a.label]).sort()).toEqual([
      ['C00001', 'Boulangerie du Parc'],
      ['C00002', 'Pierre Lefèvre'],
    ]);
    const lines = await t.database.db.select().from(journalEntryLines).where(and(eq(journalEntryLines.coopId, f.coop.id), eq(journalEntryLines.accountNumber, '411')));
    expect(lines.length).toBeGreaterThan(5);
    expect(lines.every((l) => l.auxiliaryNumber === 'C00001' || l.auxiliaryNumber === 'C00002')).toBe(true);
  });
});

describe('the FEC', () => {
  it('is a valid FEC of the year, named <SIREN>FEC<closing date>.txt, with auxiliary accounts and lettering', async () => {
    const res = await accountant.get(`/api/ledger/fec?fiscalYearId=${year2026}`);
    expect(res.status).toBe(200);
    expect(String(res.headers['content-disposition'])).toContain(`${siren}FEC20261231.txt`);
    expect(res.raw.split('\r\n')[0]).toBe(FEC_COLUMNS.join('\t'));
    expect(fecProblems(res.raw, { startDate: '2026-01-01', endDate: '2026-12-31' })).toEqual([]);
    const rows = rowsOf(res.raw);
    const receivables = rows.filter((r) => r.CompteNum === '411');
    const ofPaid = receivables.filter((r) => r.PieceRef === paid.number || r.EcritureLib.includes(paid.number));
    expect(ofPaid.length).toBe(2);
    expect(ofPaid[0]!.EcritureLet).toMatch(/^[A-Z]{3,}$/);
    expect(ofPaid[1]!.EcritureLet).toBe(ofPaid[0]!.EcritureLet);
    expect(ofPaid.map((r) => r.DateLet)).toEqual(['20260625', '20260625']);
    expect(ofPaid.map((r) => [r.CompAuxNum, r.CompAuxLib])).toEqual([
      ['C00001', 'Boulangerie du Parc'],
      ['C00001', 'Boulangerie du Parc'],
    ]);
    const ofOpen = receivables.filter((r) => r.PieceRef === open.number);
    expect(ofOpen).toHaveLength(1);
    expect(ofOpen[0]).toMatchObject({ CompAuxNum: 'C00002', EcritureLet: '', DateLet: '', Debit: '360,00' });
    // Letters differ between groups.
    const letters = new Set(receivables.filter((r) => r.EcritureLet).map((r) => r.EcritureLet));
    expect(letters.size).toBeGreaterThanOrEqual(2);
  });

  it('letters the 2025 invoice settled in 2026 on the payment line that cleared it', async () => {
    const rows = rowsOf((await accountant.get(`/api/ledger/fec?fiscalYearId=${year2026}`)).raw);
    const settling = rows.find((r) => r.CompteNum === '411' && r.EcritureDate === '20260115');
    expect(settling).toMatchObject({ DateLet: '20260115' });
    expect(settling!.EcritureLet).not.toBe('');
  });

  it('opens the year with the à-nouveaux of 2025, and the 2025 FEC stays valid', async () => {
    const rows = rowsOf((await accountant.get(`/api/ledger/fec?fiscalYearId=${year2026}`)).raw);
    const opening = rows.filter((r) => r.JournalCode === 'AN');
    expect(opening.length).toBeGreaterThanOrEqual(2);
    expect(opening.every((r) => r.EcritureDate === '20260101' && r.EcritureLet === '')).toBe(true);
    const years = await accountant.get('/api/ledger/fiscal-years');
    const y2025 = years.body.find((y: { startDate: string }) => y.startDate === '2025-01-01').id;
    const old = await accountant.get(`/api/ledger/fec?fiscalYearId=${y2025}&separator=pipe`);
    expect(String(old.headers['content-disposition'])).toContain(`${siren}FEC20251231.txt`);
    expect(fecProblems(old.raw, { startDate: '2025-01-01', endDate: '2025-12-31' })).toEqual([]);
    expect(old.raw.split('\r\n')[0]).toBe(FEC_COLUMNS.join('|'));
  });

  it('is for the accountant and the management only, and refuses a bad year or separator', async () => {
    expect((await admin.get(`/api/ledger/fec?fiscalYearId=${year2026}`)).status).toBe(200);
    expect((await (await loggedIn(f.coop.staff.email)).get(`/api/ledger/fec?fiscalYearId=${year2026}`)).status).toBe(403);
    expect((await (await loggedIn(f.coop.member.email)).get(`/api/ledger/fec?fiscalYearId=${year2026}`)).status).toBe(403);
    expect((await accountant.get(`/api/ledger/fec?fiscalYearId=${year2026}&separator=comma`)).status).toBe(400);
    expect((await accountant.get('/api/ledger/fec?fiscalYearId=00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });
});

describe('the year closing', () => {
  it('carries the balance sheet and the result into 2026 once, balanced, kept out of the balances', async () => {
    const db = t.database.db;
    const entries = await db
      .select()
      .from(journalEntries)
      .where(and(eq(journalEntries.coopId, f.coop.id), eq(journalEntries.sourceType, 'carried_forward')));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ journalCode: 'AN', entryDate: '2026-01-01', fiscalYearId: year2026 });
    const lines = await db.select().from(journalEntryLines).where(and(eq(journalEntryLines.coopId, f.coop.id), eq(journalEntryLines.entryId, entries[0]!.id)));
    const by = (account: string) => lines.filter((l) => l.accountNumber === account);
    // The 2025 invoice: 120 € gross, 40 € paid: 80 € still owed by C00001; its 100 € net is the result.
    expect(by('411').map((l) => [l.auxiliaryNumber, l.debitCents])).toEqual([['C00001', 8000]]);
    expect(by('120').map((l) => l.creditCents)).toEqual([10_000]);
    expect(lines.reduce((s, l) => s + l.debitCents - l.creditCents, 0)).toBe(0);
    // A second run does nothing.
    const [y2025] = await db.select().from(fiscalYears).where(and(eq(fiscalYears.coopId, f.coop.id), eq(fiscalYears.startDate, '2025-01-01')));
    const [y2026] = await db.select().from(fiscalYears).where(and(eq(fiscalYears.coopId, f.coop.id), eq(fiscalYears.id, year2026)));
    expect(await db.transaction((tx) => carryBalancesForward(tx, { coopId: f.coop.id, userId: null }, y2025!, y2026!))).toBeNull();
    // The balances stay cumulative: 2026's movements do not count the à-nouveaux.
    const tb = await trialBalance(db, f.coop.id, { from: '2026-01-01', to: '2026-01-01' });
    expect(tb.rows.find((r) => r.account === '120')).toBeUndefined();
  });
});

describe('the hledger journal', () => {
  it("gives hledger the platform's trial balance, account by account", async () => {
    const res = await accountant.get('/api/ledger/journal.hledger?from=2025-01-01&to=2026-12-31');
    expect(res.status).toBe(200);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hledger-')), 'books.journal');
    fs.writeFileSync(file, res.raw);
    // hledger is a CI dependency (.ci/run installs it): its absence fails this test.
    const csv = execFileSync('hledger', ['-f', file, 'balance', '--depth', '1', '--no-total', '-O', 'csv'], { encoding: 'utf8' });
    const fromHledger = new Map(
      csv
        .trim()
        .split('\n')
        .slice(1)
        .map((line) => line.split(',').map((c) => c.replace(/"/g, '')))
        .map(([account, amount]) => [account!, Math.round(Number(amount!.replace(' EUR', '').replace('EUR', '').trim()) * 100)]),
    );
    const tb = await trialBalance(t.database.db, f.coop.id, { from: '2025-01-01', to: '2026-12-31' });
    const fromPlatform = new Map(tb.rows.filter((r) => r.balanceCents !== 0).map((r) => [r.account, r.balanceCents]));
    expect(Object.fromEntries(fromHledger)).toEqual(Object.fromEntries(fromPlatform));
    expect(fromPlatform.size).toBeGreaterThan(3);
  });

  it('is for the accountant and the management only', async () => {
    expect((await (await loggedIn(f.coop.member.email)).get('/api/ledger/journal.hledger?from=2026-01-01&to=2026-12-31')).status).toBe(403);
    expect((await accountant.get('/api/ledger/journal.hledger?from=2026-12-31&to=2026-01-01')).status).toBe(400);
  });
});

describe('the general ledger', () => {
  it("opens each account on its balance at the period start, sums it, and runs the balance from there", async () => {
    const res = await accountant.get('/api/ledger/general-ledger?from=2026-01-01&to=2026-12-31&account=411&pageSize=100');
    expect(res.status).toBe(200);
    const [receivables] = res.body.accounts;
    // 2025 left 80 € owed on 411, carried by the à-nouveaux, which is no line of its own.
    expect(receivables).toMatchObject({ account: '411', openingCents: 8000 });
    expect(receivables.closingCents).toBe(receivables.openingCents + receivables.debitCents - receivables.creditCents);
    const items = res.body.items as { runningBalanceCents: number; debitCents: number; creditCents: number; sourceType: string; sourceId: string; auxiliaryNumber: string }[];
    expect(items.some((i) => i.sourceType === 'carried_forward')).toBe(false);
    expect(items[0]!.runningBalanceCents).toBe(8000 + items[0]!.debitCents - items[0]!.creditCents);
    expect(items.at(-1)!.runningBalanceCents).toBe(receivables.closingCents);
    expect(items.find((i) => i.sourceType === 'invoice' && i.sourceId === paid.id)?.auxiliaryNumber).toBe('C00001');
  });

  it('narrows the lines and the balances to one activity', async () => {
    const res = await accountant.get(`/api/ledger/general-ledger?from=2026-01-01&to=2026-12-31&activityId=${f.otherActivityId}&pageSize=100`);
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(0);
    expect(res.body.accounts).toEqual([]);
    const mine = await accountant.get(`/api/ledger/general-ledger?from=2026-01-01&to=2026-12-31&activityId=${f.activityId}&pageSize=100`);
    expect(mine.body.total).toBeGreaterThan(3);
    expect(mine.body.items.every((i: { activityId: string }) => i.activityId === f.activityId)).toBe(true);
  });
});
