import { readFileSync } from 'node:fs';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app.js';
import { bankFile, CSV_MAPPING } from '../../../test/support/bank-fixtures.js';
import { DEMO_PASSWORD } from '../../../test/support/fixtures.js';
import { createPaymentsCoop } from '../../../test/support/payments-fixtures.js';
import { auditLog } from '../../platform/audit/schema.js';
import { postEntry } from '../ledger/index.js';
import { journalEntries, journalEntryLines } from '../ledger/schema.js';
import { bankStatements } from './schema.js';

let t: TestApp;
const DAY = '2026-06-25';
const domainFixture = (name: string) => readFileSync(new URL(`./domain/fixtures/${name}`, import.meta.url));
const camt = (values: Record<string, string> = {}) => ({ filename: 'releve.xml', contentType: 'application/xml', bytes: bankFile('camt053-payments.xml', { DAY, A: 'X-1', B: 'X-2', C: 'X-3', ...values }) });
const xmlFile = (name: string) => ({ filename: name, contentType: 'application/xml', bytes: domainFixture(name) });

async function loggedIn(email: string): Promise<TestClient> {
  const c = t.client();
  await c.login(email, DEMO_PASSWORD);
  return c;
}

type Line = { id: string; amountCents: number; label: string; status: string; entryId: string | null; proposedRule: { account: string; vatRateBp: number | null } | null };

async function coopWithStatement(label: string) {
  const f = await createPaymentsCoop(t.database.db, label);
  const staff = await loggedIn(f.coop.staff.email);
  const admin = await loggedIn(f.coop.admin.email);
  const imported = await staff.upload('/api/bank/statements', camt({ STATEMENT: label }), { format: 'camt053' });
  expect(imported.status).toBe(201);
  const statementId: string = imported.body.statements[0].id;
  const lines = async (): Promise<Line[]> => (await staff.get(`/api/bank/statements/${statementId}`)).body.lines;
  const fee = (await lines()).find((l) => l.amountCents === -1_230)!;
  return { f, staff, admin, statementId, imported: imported.body, lines, fee };
}

async function entryLines(coopId: string, entryId: string) {
  const db = t.database.db;
  const [entry] = await db.select().from(journalEntries).where(and(eq(journalEntries.coopId, coopId), eq(journalEntries.id, entryId)));
  const lines = await db.select().from(journalEntryLines).where(and(eq(journalEntryLines.coopId, coopId), eq(journalEntryLines.entryId, entryId))).orderBy(journalEntryLines.lineNo);
  return { entry: entry!, lines: lines.map((l) => ({ account: l.accountNumber, debit: Number(l.debitCents), credit: Number(l.creditCents), activityId: l.activityId, label: l.label })) };
}

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('the statement belongs to one of the coop’s bank accounts', () => {
  it('imports a camt.053 file into the account its IBAN names, the coop’s main account, with the bank’s opening and closing balances', async () => {
    const s = await coopWithStatement('bank-acct-main');
    const accounts = (await s.staff.get('/api/bank/accounts')).body.items;
    expect(accounts).toEqual([expect.objectContaining({ label: 'Compte principal', iban: 'FR7630006000011234567890189', currency: 'EUR', ledgerAccount: '512', journalCode: 'BQ', statementCount: 1 })]);
    expect(s.imported.statements[0]).toMatchObject({ bankAccountId: accounts[0].id, currency: 'EUR', openingBalanceCents: 100_000, closingBalanceCents: 428_770 });
    const list = (await s.staff.get('/api/bank/statements')).body.items;
    expect(list[0]).toMatchObject({ openingBalanceCents: 100_000, closingBalanceCents: 428_770 });
  });

  it('refuses a statement of an IBAN the coop does not hold with a 400 naming the account by its last four characters, and writes nothing', async () => {
    const f = await createPaymentsCoop(t.database.db, 'bank-acct-unknown');
    const staff = await loggedIn(f.coop.staff.email);
    const res = await staff.upload('/api/bank/statements', xmlFile('camt053-v08-chf-account.xml'), { format: 'camt053' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0]).toMatchObject({ path: 'file' });
    expect(res.body.error.fields[0].message).toContain('••••2957');
    expect(res.body.error.fields[0].message).not.toContain('CH9300762011623852957');
    expect(await t.database.db.select().from(bankStatements).where(eq(bankStatements.coopId, f.coop.id))).toEqual([]);
  });

  it('reads the account of a statement by its Othr/Id and books on that account’s 512 sub-account and journal', async () => {
    const f = await createPaymentsCoop(t.database.db, 'bank-acct-othr');
    const admin = await loggedIn(f.coop.admin.email);
    const created = await admin.post('/api/bank/accounts', { label: 'Livret', iban: 'FR76 3000 4000 0312 3456 7890 143', otherId: '44001234567', ledgerAccount: '5121', journalCode: 'BQL' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ iban: 'FR7630004000031234567890143', ledgerAccount: '5121', journalCode: 'BQL', currency: 'EUR' });
    const imported = await admin.upload('/api/bank/statements', xmlFile('camt053-v08-othr-id-tx-codes.xml'), { format: 'camt053' });
    expect(imported.status).toBe(201);
    expect(imported.body.statements[0]).toMatchObject({ bankAccountId: created.body.id, accountIban: 'FR7630004000031234567890143' });
    const detail = (await admin.get(`/api/bank/statements/${imported.body.statements[0].id}`)).body;
    const fee = detail.lines.find((l: Line) => l.amountCents === -1_250);
    const booked = await admin.post(`/api/bank/lines/${fee.id}/book`, { account: '627' });
    expect(booked.status).toBe(200);
    const { entry, lines } = await entryLines(f.coop.id, booked.body.entryId);
    expect(entry.journalCode).toBe('BQL');
    expect(lines.map((l) => [l.account, l.debit, l.credit])).toEqual([['627', 1_250, 0], ['5121', 0, 1_250]]);
  });

  it('asks which account a CSV statement goes to once the coop has several, and imports it there', async () => {
    const f = await createPaymentsCoop(t.database.db, 'bank-acct-csv');
    const admin = await loggedIn(f.coop.admin.email);
    const second = await admin.post('/api/bank/accounts', { label: 'Compte projets', iban: 'FR1420041010050500013M02606', ledgerAccount: '5122', journalCode: 'BQP' });
    expect(second.status).toBe(201);
    const csv = { filename: 'releve.csv', contentType: 'text/csv', bytes: bankFile('releve-mapping.csv', { A: 'F-1' }) };
    const unchosen = await admin.upload('/api/bank/statements', csv, CSV_MAPPING);
    expect(unchosen.status).toBe(400);
    expect(unchosen.body.error.fields[0].path).toBe('bankAccountId');
    const chosen = await admin.upload('/api/bank/statements', csv, { ...CSV_MAPPING, bankAccountId: second.body.id });
    expect(chosen.status).toBe(201);
    expect(chosen.body.statements[0]).toMatchObject({ bankAccountId: second.body.id, accountIban: 'FR1420041010050500013M02606', openingBalanceCents: null });
  });

  it('refuses an account with an invalid IBAN or a ledger account outside 512, and lets only an administrator add one', async () => {
    const f = await createPaymentsCoop(t.database.db, 'bank-acct-bad');
    const admin = await loggedIn(f.coop.admin.email);
    const staff = await loggedIn(f.coop.staff.email);
    expect((await admin.post('/api/bank/accounts', { label: 'X', iban: 'FR7630006000011234567890180' })).body.error.fields[0].path).toBe('iban');
    expect((await admin.post('/api/bank/accounts', { label: 'X', iban: 'FR1420041010050500013M02606', ledgerAccount: '411' })).body.error.fields[0].path).toBe('ledgerAccount');
    expect((await staff.post('/api/bank/accounts', { label: 'X', iban: 'FR1420041010050500013M02606' })).status).toBe(403);
  });
});

describe('a line in another currency is never booked as euros', () => {
  it('a 2 187,00 CHF line cannot pay a 90 € invoice, nor be booked as a debit', async () => {
    const f = await createPaymentsCoop(t.database.db, 'bank-chf');
    const admin = await loggedIn(f.coop.admin.email);
    const invoice = await f.issueInvoice({ netCents: 7_500 });
    expect(invoice.grossCents).toBe(9_000);
    const chf = await admin.post('/api/bank/accounts', { label: 'Compte CHF', iban: 'CH9300762011623852957', currency: 'CHF', ledgerAccount: '5124', journalCode: 'BQC' });
    expect(chf.status).toBe(201);
    const imported = await admin.upload('/api/bank/statements', xmlFile('camt053-v08-chf-account.xml'), { format: 'camt053' });
    expect(imported.status).toBe(201);
    expect(imported.body.statements[0]).toMatchObject({ currency: 'CHF', bankAccountId: chf.body.id });
    const lines: Line[] = (await admin.get(`/api/bank/statements/${imported.body.statements[0].id}`)).body.lines;
    const credit = lines.find((l) => l.amountCents === 218_700)!;
    const paid = await admin.post(`/api/bank/lines/${credit.id}/confirm`, { allocations: [{ invoiceId: invoice.id, amountCents: 9_000 }] });
    expect(paid.status).toBe(422);
    expect(paid.body.error.code).toBe('BANK_LINE_FOREIGN_CURRENCY');
    const debit = lines.find((l) => l.amountCents < 0)!;
    expect((await admin.post(`/api/bank/lines/${debit.id}/book`, { account: '627' })).body.error.code).toBe('BANK_LINE_FOREIGN_CURRENCY');
    expect((await admin.get(`/api/invoices/${invoice.id}`)).body).toMatchObject({ paidCents: 0 });
  });

  it('refuses a statement in another currency than its account’s', async () => {
    const f = await createPaymentsCoop(t.database.db, 'bank-chf-eur');
    const admin = await loggedIn(f.coop.admin.email);
    await admin.post('/api/bank/accounts', { label: 'Compte suisse', iban: 'CH9300762011623852957' });
    const res = await admin.upload('/api/bank/statements', xmlFile('camt053-v08-chf-account.xml'), { format: 'camt053' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0].message).toContain('CHF');
  });
});

describe('booking a bank debit', () => {
  it('books bank fees to 627 with 20 % deductible VAT: one balanced entry in the bank journal, audited', async () => {
    const s = await coopWithStatement('bank-book-fee');
    const res = await s.staff.post(`/api/bank/lines/${s.fee.id}/book`, { account: '627', vatRateBp: 2000 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'booked' });
    const { entry, lines } = await entryLines(s.f.coop.id, res.body.entryId);
    expect(entry).toMatchObject({ journalCode: 'BQ', entryDate: DAY, sourceType: 'bank_line', sourceId: s.fee.id });
    expect(lines.map((l) => [l.account, l.debit, l.credit, l.activityId])).toEqual([
      ['627', 1_025, 0, null],
      ['44566', 205, 0, null],
      ['512', 0, 1_230, null],
    ]);
    const audit = await t.database.db.select().from(auditLog).where(and(eq(auditLog.coopId, s.f.coop.id), eq(auditLog.action, 'bank_line.booked')));
    expect(audit).toHaveLength(1);
    expect((await s.staff.post(`/api/bank/lines/${s.fee.id}/book`, { account: '627' })).body.error.code).toBe('BANK_LINE_ALREADY_BOOKED');
  });

  it('books a supplier payment to 401 only with the supplier named, on a member’s activity, and never a credit', async () => {
    const s = await coopWithStatement('bank-book-401');
    const noName = await s.staff.post(`/api/bank/lines/${s.fee.id}/book`, { account: '401' });
    expect(noName.status).toBe(400);
    expect(noName.body.error.fields[0].path).toBe('thirdParty');
    expect((await s.staff.post(`/api/bank/lines/${s.fee.id}/book`, { account: '706' })).body.error.fields[0].path).toBe('account');
    expect((await s.staff.post(`/api/bank/lines/${s.fee.id}/book`, { account: '431', vatRateBp: 2000 })).body.error.fields[0].path).toBe('vatRateBp');
    const res = await s.staff.post(`/api/bank/lines/${s.fee.id}/book`, { account: '401', thirdParty: 'Papeterie Dupont', activityId: s.f.activityId });
    expect(res.status).toBe(200);
    const { lines } = await entryLines(s.f.coop.id, res.body.entryId);
    expect(lines[0]).toMatchObject({ account: '401', debit: 1_230, activityId: s.f.activityId, label: 'Papeterie Dupont' });
    const credit = (await s.lines()).find((l) => l.amountCents > 0)!;
    expect((await s.staff.post(`/api/bank/lines/${credit.id}/book`, { account: '627' })).body.error.code).toBe('BANK_LINE_NOT_DEBIT');
  });

  it('unbooks a debit by a reversing entry: both entries stay, the line waits again, audited', async () => {
    const s = await coopWithStatement('bank-unbook');
    const booked = await s.staff.post(`/api/bank/lines/${s.fee.id}/book`, { account: '627' });
    const res = await s.staff.post(`/api/bank/lines/${s.fee.id}/unbook`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'unmatched', entryId: null });
    const entries = await t.database.db.select().from(journalEntries).where(and(eq(journalEntries.coopId, s.f.coop.id), eq(journalEntries.sourceId, s.fee.id)));
    expect(entries).toHaveLength(2);
    expect(entries.find((e) => e.reversesEntryId === booked.body.entryId)).toBeDefined();
    const audit = await t.database.db.select().from(auditLog).where(and(eq(auditLog.coopId, s.f.coop.id), eq(auditLog.action, 'bank_line.unbooked')));
    expect(audit).toHaveLength(1);
    expect((await s.staff.post(`/api/bank/lines/${s.fee.id}/unbook`)).body.error.code).toBe('BANK_LINE_NOT_BOOKED');
  });

  it('proposes the saved rule on a matching debit, and saves it from the booking form', async () => {
    const s = await coopWithStatement('bank-rules');
    expect(s.fee.proposedRule).toBeNull();
    const saved = await s.staff.post('/api/bank/rules', { labelContains: 'carte business', account: '627', vatRateBp: 2000 });
    expect(saved.status).toBe(200);
    const fee = (await s.lines()).find((l) => l.id === s.fee.id)!;
    expect(fee.proposedRule).toMatchObject({ account: '627', vatRateBp: 2000 });
    await s.staff.post(`/api/bank/lines/${s.fee.id}/book`, { account: '626', saveRule: { labelContains: 'carte business' } });
    expect((await s.staff.get('/api/bank/rules')).body.items).toEqual([expect.objectContaining({ labelContains: 'carte business', account: '626', vatRateBp: null })]);
  });
});

describe('the reconciliation statement (état de rapprochement)', () => {
  it('gives the bank balance, the 512 balance and the items between them, and balances', async () => {
    const s = await coopWithStatement('bank-etat');
    // The bank's opening balance is in the books as the account's opening entry.
    await t.database.db.transaction((tx) =>
      postEntry(tx, { coopId: s.f.coop.id, userId: s.f.coop.admin.id }, { journal: 'OD', date: '2026-06-01', label: 'Solde d’ouverture banque', source: { type: 'opening' }, lines: [{ account: '512', debitCents: 100_000 }, { account: '101', creditCents: 100_000 }] }),
    );
    await s.staff.post(`/api/bank/lines/${s.fee.id}/book`, { account: '627' });
    const accountId = (await s.staff.get('/api/bank/accounts')).body.items[0].id;
    const res = await s.staff.get(`/api/bank/accounts/${accountId}/reconciliation?date=2026-06-30`);
    expect(res.status).toBe(200);
    expect(res.body, JSON.stringify(res.body)).toMatchObject({ bankBalanceCents: 428_770, ledgerBalanceCents: 100_000 - 1_230, ledgerOnly: [], differenceCents: 0 });
    expect(res.body.bankOnly.map((l: { amountCents: number }) => l.amountCents).sort()).toEqual([120_000, 150_000, 60_000].sort());
    expect((await s.staff.get(`/api/bank/accounts/${accountId}/reconciliation?date=2026-02-30`)).status).toBe(400);
  });
});
