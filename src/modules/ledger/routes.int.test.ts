import { and, eq, sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertMember, rowCount } from '../../../test/support/activity-fixtures.js';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app.js';
import { createTestCoop, DEMO_PASSWORD } from '../../../test/support/fixtures.js';
import { setUpLedger } from '../../../test/support/ledger-fixtures.js';
import { auditLog } from '../../platform/audit/schema.js';
import { CHECK_VIOLATION, sqlConstraint, sqlState } from '../../platform/db/client.js';
import { takeNextNumber } from '../../platform/numbering/take-next-number.js';
import { createActivity } from '../activities/index.js';
import { activityBalance, ensureChartOfAccounts, postEntry, trialBalance } from './index.js';
import { fiscalYears, journalEntries, journalEntryLines } from './schema.js';

let t: TestApp;
let coop: Awaited<ReturnType<typeof createTestCoop>>;
let other: Awaited<ReturnType<typeof createTestCoop>>;
let admin: TestClient;
let staff: TestClient;
let mia: TestClient;
let otherAdmin: TestClient;
let miaActivity: string;
let bobActivity: string;
let foreignActivity: string;

async function loggedIn(email: string) {
  const c = t.client();
  await c.login(email, DEMO_PASSWORD);
  return c;
}

const system = (coopId: string) => ({ coopId, userId: null });

/** A sale of 100 € + 20 % VAT booked to an activity. */
const sale = (activityId: string, ht = 10_000) => [
  { account: '411', debitCents: ht * 1.2, activityId },
  { account: '706', creditCents: ht, activityId },
  { account: '44571', creditCents: ht * 0.2, activityId },
];

/** Writes an entry and its lines straight into the tables, as a buggy module or a console session would. */
async function insertRawEntry(coopId: string, date: string, lines: { account: string; debit: number; credit: number }[]) {
  return t.database.db.transaction(async (tx) => {
    // The year holding the date, or else any year of the coop: the database must refuse the date.
    const [year] = await tx
      .select({ id: fiscalYears.id })
      .from(fiscalYears)
      .where(eq(fiscalYears.coopId, coopId))
      .orderBy(sql`${fiscalYears.startDate} <= ${date} and ${fiscalYears.endDate} >= ${date} desc`)
      .limit(1);
    const number = await takeNextNumber(tx, { coopId, series: `ledger:${year!.id}` });
    const [entry] = await tx
      .insert(journalEntries)
      .values({ coopId, fiscalYearId: year!.id, number, journalCode: 'OD', entryDate: date, label: 'Écriture directe', sourceType: 'manual' })
      .returning();
    if (lines.length) {
      await tx.insert(journalEntryLines).values(
        lines.map((l, i) => ({ coopId, entryId: entry!.id, lineNo: i + 1, accountNumber: l.account, debitCents: l.debit, creditCents: l.credit, entryDate: date })),
      );
    }
    return entry!.id;
  });
}

async function refusal(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (err) {
    return err;
  }
  throw new Error('expected the database to refuse');
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  coop = await createTestCoop(db, 'ledger');
  other = await createTestCoop(db, 'ledger-other');
  await setUpLedger(db, coop.id);
  await setUpLedger(db, other.id);
  const miaMember = await insertMember(db, coop.id, { firstName: 'Mia', lastName: 'Member', userId: coop.member.id });
  const bob = await insertMember(db, coop.id, { firstName: 'Bob', lastName: 'Bâtisseur' });
  const olga = await insertMember(db, other.id, { firstName: 'Olga', lastName: 'Outsider' });
  miaActivity = (await db.transaction((tx) => createActivity(tx, system(coop.id), { name: 'Atelier céramique', holders: [{ memberId: miaMember.id, shareBp: 10_000 }] }))).id;
  bobActivity = (await db.transaction((tx) => createActivity(tx, system(coop.id), { name: 'Menuiserie', holders: [{ memberId: bob.id, shareBp: 10_000 }] }))).id;
  foreignActivity = (await db.transaction((tx) => createActivity(tx, system(other.id), { name: 'Ailleurs', holders: [{ memberId: olga.id, shareBp: 10_000 }] }))).id;
  admin = await loggedIn(coop.admin.email);
  staff = await loggedIn(coop.staff.email);
  mia = await loggedIn(coop.member.email);
  otherAdmin = await loggedIn(other.admin.email);
});
afterAll(() => t.close());

describe('setting up the ledger', () => {
  it('seeds the PCG accounts, the journals and the current year once, whatever the number of calls', async () => {
    const fresh = await createTestCoop(t.database.db, 'ledger-setup');
    const first = await t.database.db.transaction((tx) => ensureChartOfAccounts(tx, fresh.id, { today: '2026-03-01' }));
    expect(first.accountsCreated).toBeGreaterThan(30);
    expect(first).toMatchObject({ journalsCreated: 6, fiscalYearCreated: true });
    const boss = await loggedIn(fresh.admin.email);
    const again = await boss.post('/api/ledger/setup');
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ accountsCreated: 0, journalsCreated: 0, fiscalYearCreated: again.body.fiscalYearCreated });
    const journals = await boss.get('/api/ledger/journals');
    expect(journals.body.map((j: { code: string }) => j.code).sort()).toEqual(['AC', 'AN', 'BQ', 'OD', 'SA', 'VT']);
  });

  it('lets only the management run the setup', async () => {
    expect((await staff.post('/api/ledger/setup')).status).toBe(403);
  });
});

describe('the chart of accounts', () => {
  it('lists the accounts by number with their class', async () => {
    const res = await staff.get('/api/ledger/accounts?accountClass=4');
    expect(res.status).toBe(200);
    const numbers = res.body.items.map((a: { number: string }) => a.number);
    expect(numbers).toEqual(expect.arrayContaining(['401', '411', '421', '44566', '44571', '4551', '467']));
    expect(res.body.items.find((a: { number: string }) => a.number === '4551')).toMatchObject({ accountClass: 4, kind: 'member' });
  });

  it('adds an account, refuses the same number twice and renames it', async () => {
    const created = await staff.post('/api/ledger/accounts', { number: '4679', label: 'Compte courant – entrepreneurs' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ number: '4679', kind: 'member', accountClass: 4, active: true });
    const again = await staff.post('/api/ledger/accounts', { number: '4679', label: 'Doublon' });
    expect(again.status).toBe(409);
    expect(again.body.error.fields[0].path).toBe('number');
    const renamed = await staff.patch('/api/ledger/accounts/4679', { label: 'Comptes des entrepreneurs' });
    expect(renamed.body.label).toBe('Comptes des entrepreneurs');
    expect((await otherAdmin.patch('/api/ledger/accounts/4679', { label: 'Pas à moi' })).status).toBe(404);
  });

  it('keeps the ledger out of reach of members', async () => {
    expect((await mia.get('/api/ledger/accounts')).status).toBe(403);
    expect((await mia.get('/api/ledger/entries')).status).toBe(403);
    expect((await mia.get('/api/ledger/trial-balance?from=2026-01-01&to=2026-12-31')).status).toBe(403);
  });
});

describe('double entry in the database', () => {
  it('refuses an unbalanced entry at commit', async () => {
    const before = await rowCount(t.database.db, journalEntries);
    const err = await refusal(insertRawEntry(coop.id, '2026-02-01', [{ account: '512', debit: 10_000, credit: 0 }, { account: '706', debit: 0, credit: 9_999 }]));
    expect(sqlState(err)).toBe(CHECK_VIOLATION);
    expect(sqlConstraint(err)).toBe('journal_entries_balanced');
    expect(await rowCount(t.database.db, journalEntries)).toBe(before);
  });

  it('refuses an entry with a single line or none', async () => {
    const none = await refusal(insertRawEntry(coop.id, '2026-02-01', []));
    expect(sqlState(none)).toBe(CHECK_VIOLATION);
    const single = await refusal(insertRawEntry(coop.id, '2026-02-01', [{ account: '512', debit: 100, credit: 0 }]));
    expect(sqlState(single)).toBe(CHECK_VIOLATION);
  });

  it('refuses a line carrying both a debit and a credit', async () => {
    const err = await refusal(insertRawEntry(coop.id, '2026-02-01', [{ account: '512', debit: 100, credit: 100 }, { account: '706', debit: 0, credit: 0 }]));
    expect(sqlState(err)).toBe(CHECK_VIOLATION);
  });

  it('accepts a balanced entry written directly', async () => {
    const id = await insertRawEntry(coop.id, '2026-02-02', [{ account: '512', debit: 500, credit: 0 }, { account: '708', debit: 0, credit: 500 }]);
    expect((await staff.get(`/api/ledger/entries/${id}`)).body.totalCents).toBe(500);
  });

  it('never lets a posted line or entry be changed or deleted', async () => {
    const db = t.database.db;
    const { id } = await db.transaction((tx) => postEntry(tx, system(coop.id), { journal: 'OD', date: '2026-02-03', label: 'Immuable', source: { type: 'manual' }, lines: sale(bobActivity) }));
    await expect(db.execute(sql`update ledger_journal_entry_lines set debit_cents = 1 where entry_id = ${id}`)).rejects.toThrow();
    await expect(db.execute(sql`delete from ledger_journal_entry_lines where entry_id = ${id}`)).rejects.toThrow();
    await expect(db.execute(sql`update ledger_journal_entries set label = 'changé' where id = ${id}`)).rejects.toThrow();
    await expect(db.execute(sql`delete from ledger_journal_entries where id = ${id}`)).rejects.toThrow();
    const detail = await staff.get(`/api/ledger/entries/${id}`);
    expect(detail.body.label).toBe('Immuable');
    expect(detail.body.lines).toHaveLength(3);
  });
});

describe('posting entries', () => {
  it('posts a sale from another module in its transaction, with an audit record', async () => {
    const db = t.database.db;
    const source = { type: 'invoice', id: '00000000-0000-4000-8000-000000000001' };
    const { id } = await db.transaction((tx) => postEntry(tx, { coopId: coop.id, userId: coop.staff.id }, { journal: 'VT', date: '2026-03-10', label: 'Facture F2026-00001', source, lines: sale(miaActivity) }));
    const detail = await staff.get(`/api/ledger/entries/${id}`);
    expect(detail.body).toMatchObject({ journalCode: 'VT', date: '2026-03-10', sourceType: 'invoice', sourceId: source.id, totalCents: 12_000 });
    expect(detail.body.lines.map((l: { account: string }) => l.account)).toEqual(['411', '706', '44571']);
    expect(detail.body.lines[0]).toMatchObject({ accountLabel: 'Clients', activityCode: 'ATELIER-CERAMIQUE' });
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'journal_entry.posted')));
    expect(audit).toMatchObject({ actorUserId: coop.staff.id, entityType: 'journal_entry' });
  });

  it('posts a manual entry in the miscellaneous journal', async () => {
    const res = await staff.post('/api/ledger/entries', {
      date: '2026-03-15',
      label: 'Régularisation',
      lines: [
        { account: '625', debitCents: 4_500, activityId: bobActivity, label: 'Déplacement' },
        { account: '4551', creditCents: 4_500 },
      ],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ journalCode: 'OD', sourceType: 'manual', totalCents: 4_500 });
    const list = await staff.get(`/api/ledger/entries?journal=OD&activityId=${bobActivity}&from=2026-03-01&to=2026-03-31`);
    expect(list.body.items.map((e: { id: string }) => e.id)).toContain(res.body.id);
  });

  const badInput: [string, Record<string, unknown>, string][] = [
    ['debits and credits that differ', { date: '2026-04-01', label: 'Faux', lines: [{ account: '512', debitCents: 100 }, { account: '706', creditCents: 99 }] }, 'lines'],
    ['a single line', { date: '2026-04-01', label: 'Seule', lines: [{ account: '512', debitCents: 100 }] }, 'lines'],
    ['a line with both a debit and a credit', { date: '2026-04-01', label: 'Double', lines: [{ account: '512', debitCents: 100, creditCents: 100 }, { account: '706', creditCents: 0 }] }, 'lines.0'],
    ['an account missing from the chart', { date: '2026-04-01', label: 'Compte', lines: [{ account: '512', debitCents: 100 }, { account: '7099', creditCents: 100 }] }, 'lines.1.account'],
    ['an account number outside the PCG', { date: '2026-04-01', label: 'Compte', lines: [{ account: '999', debitCents: 100 }, { account: '706', creditCents: 100 }] }, 'lines.0.account'],
    ['a negative amount', { date: '2026-04-01', label: 'Négatif', lines: [{ account: '512', debitCents: -100 }, { account: '706', creditCents: -100 }] }, 'lines.0.debitCents'],
    ['an activity of another cooperative', { date: '2026-04-01', label: 'Étranger', lines: [{ account: '512', debitCents: 100, activityId: 'FOREIGN' }, { account: '706', creditCents: 100 }] }, 'lines'],
    ['a date no fiscal year covers', { date: '2031-04-01', label: 'Futur', lines: [{ account: '512', debitCents: 100 }, { account: '706', creditCents: 100 }] }, 'date'],
    ['a date that does not exist', { date: '2026-02-30', label: 'Date', lines: [{ account: '512', debitCents: 100 }, { account: '706', creditCents: 100 }] }, 'date'],
  ];
  for (const [what, body, field] of badInput) {
    it(`refuses ${what} with a 400 on ${field} and writes nothing`, async () => {
      const db = t.database.db;
      const before = [await rowCount(db, journalEntries), await rowCount(db, journalEntryLines), await rowCount(db, auditLog)];
      const payload = JSON.parse(JSON.stringify(body).replace('FOREIGN', foreignActivity));
      const res = await staff.post('/api/ledger/entries', payload);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(res.body.error.fields.map((f: { path: string }) => f.path)).toContain(field);
      expect([await rowCount(db, journalEntries), await rowCount(db, journalEntryLines), await rowCount(db, auditLog)]).toEqual(before);
    });
  }
});

describe('closed fiscal years', () => {
  it('opens a past year, takes entries into it, then none once it is closed', async () => {
    const opened = await admin.post('/api/ledger/fiscal-years', { startDate: '2025-01-01', endDate: '2025-12-31' });
    expect(opened.status).toBe(201);
    const posted = await staff.post('/api/ledger/entries', { date: '2025-12-20', label: 'Avant clôture', lines: [{ account: '512', debitCents: 700 }, { account: '708', creditCents: 700 }] });
    expect(posted.status).toBe(201);
    const closed = await admin.post(`/api/ledger/fiscal-years/${opened.body.id}/close`);
    expect(closed.status).toBe(200);
    expect(closed.body.closedAt).toBeTruthy();

    const late = await staff.post('/api/ledger/entries', { date: '2025-12-31', label: 'Après clôture', lines: [{ account: '512', debitCents: 700 }, { account: '708', creditCents: 700 }] });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('FISCAL_YEAR_CLOSED');
    const reversal = await staff.post(`/api/ledger/entries/${posted.body.id}/reverse`, { date: '2025-12-31' });
    expect(reversal.status).toBe(409);

    const err = await refusal(insertRawEntry(coop.id, '2025-06-01', [{ account: '512', debit: 100, credit: 0 }, { account: '708', debit: 0, credit: 100 }]));
    expect(sqlState(err)).toBe(CHECK_VIOLATION);
    expect(sqlConstraint(err)).toBe('journal_entries_fiscal_year_open');
    await expect(t.database.db.execute(sql`update ledger_fiscal_years set closed_at = null where id = ${opened.body.id}`)).rejects.toThrow();
  });

  it('refuses an entry written directly outside every fiscal year', async () => {
    const err = await refusal(insertRawEntry(coop.id, '2019-06-01', [{ account: '512', debit: 100, credit: 0 }, { account: '708', debit: 0, credit: 100 }]));
    expect(sqlConstraint(err)).toBe('journal_entries_in_fiscal_year');
  });

  it('refuses a year overlapping another, and closing a year twice or before its end', async () => {
    const overlap = await admin.post('/api/ledger/fiscal-years', { startDate: '2026-07-01', endDate: '2027-06-30' });
    expect(overlap.status).toBe(409);
    expect(overlap.body.error.code).toBe('FISCAL_YEAR_OVERLAP');
    const years = (await staff.get('/api/ledger/fiscal-years')).body as { id: string; startDate: string }[];
    const y2025 = years.find((y) => y.startDate === '2025-01-01')!;
    const y2026 = years.find((y) => y.startDate === '2026-01-01')!;
    expect((await admin.post(`/api/ledger/fiscal-years/${y2025.id}/close`)).body.error.code).toBe('FISCAL_YEAR_NOT_CLOSABLE');
    const early = await admin.post(`/api/ledger/fiscal-years/${y2026.id}/close`);
    expect(early.status).toBe(409);
  });

  it('lets only the management open or close fiscal years', async () => {
    expect((await staff.post('/api/ledger/fiscal-years', { startDate: '2024-01-01', endDate: '2024-12-31' })).status).toBe(403);
    expect((await admin.post('/api/ledger/fiscal-years', { startDate: '2024-12-31', endDate: '2024-01-01' })).body.error.fields[0].path).toBe('endDate');
  });
});

describe('reversing an entry', () => {
  it('brings the balances back to where they were, once only', async () => {
    const db = t.database.db;
    const before = await activityBalance(db, coop.id, bobActivity);
    const posted = await staff.post('/api/ledger/entries', {
      date: '2026-05-05',
      label: 'Erreur de saisie',
      lines: [
        { account: '606', debitCents: 12_345, activityId: bobActivity },
        { account: '4551', creditCents: 12_345, activityId: bobActivity },
      ],
    });
    expect((await activityBalance(db, coop.id, bobActivity)).expenseCents).toBe(before.expenseCents + 12_345);
    const reversed = await staff.post(`/api/ledger/entries/${posted.body.id}/reverse`, { date: '2026-05-06' });
    expect(reversed.status).toBe(201);
    expect(reversed.body).toMatchObject({ reversesEntryId: posted.body.id, journalCode: 'OD' });
    expect(reversed.body.lines.map((l: { debitCents: number; creditCents: number }) => [l.debitCents, l.creditCents])).toEqual([
      [0, 12_345],
      [12_345, 0],
    ]);
    const after = await activityBalance(db, coop.id, bobActivity);
    expect(after.resultCents).toBe(before.resultCents);
    expect(after.accounts.find((a) => a.account === '606')?.balanceCents ?? 0).toBe(before.accounts.find((a) => a.account === '606')?.balanceCents ?? 0);
    expect((await staff.get(`/api/ledger/entries/${posted.body.id}`)).body.reversedByEntryId).toBe(reversed.body.id);
    const twice = await staff.post(`/api/ledger/entries/${posted.body.id}/reverse`, { date: '2026-05-07' });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('ENTRY_ALREADY_REVERSED');
  });
});

describe('balances', () => {
  it('has a trial balance whose debits equal its credits', async () => {
    const res = await staff.get('/api/ledger/trial-balance?from=2026-01-01&to=2026-12-31');
    expect(res.status).toBe(200);
    expect(res.body.rows.length).toBeGreaterThan(3);
    expect(res.body.totals.debitCents).toBe(res.body.totals.creditCents);
    expect(res.body.totals.debitBalanceCents).toBe(res.body.totals.creditBalanceCents);
    const clients = res.body.rows.find((r: { account: string }) => r.account === '411');
    expect(clients).toMatchObject({ label: 'Clients', accountClass: 4 });
    expect(clients.balanceCents).toBe(clients.debitCents - clients.creditCents);
  });

  it('narrows the trial balance to one activity and one period', async () => {
    const tb = await trialBalance(t.database.db, coop.id, { from: '2026-03-01', to: '2026-03-31', activityId: miaActivity });
    expect(tb.rows.map((r) => r.account)).toEqual(['411', '44571', '706']);
    expect(tb.totals).toMatchObject({ debitCents: 12_000, creditCents: 12_000 });
  });

  it('keeps daily and monthly totals equal to the lines, and answers a period cut inside months like the lines do', async () => {
    const db = t.database.db;
    await db.transaction(async (tx) => {
      await postEntry(tx, system(coop.id), { journal: 'VT', date: '2026-05-14', label: 'Vente mi-mai', source: { type: 'test' }, lines: sale(bobActivity, 5_000) });
      await postEntry(tx, system(coop.id), { journal: 'VT', date: '2026-05-31', label: 'Vente fin mai', source: { type: 'test' }, lines: sale(bobActivity, 7_000) });
      await postEntry(tx, system(coop.id), { journal: 'VT', date: '2026-06-01', label: 'Vente juin', source: { type: 'test' }, lines: sale(bobActivity, 1_000) });
    });
    const rowsOf = async <T>(query: SQL) => ((await db.execute(query)) as unknown as { rows: T[] }).rows;
    // The opening entry closing 2025 put in 2026 restates balances: the totals leave it out (migration ledger_books).
    const notOpening = sql.raw(`not exists (select 1 from ledger_journal_entries e where e.coop_id = ledger_journal_entry_lines.coop_id and e.id = ledger_journal_entry_lines.entry_id and e.source_type = 'carried_forward')`);
    const fromTotals = await rowsOf(sql`
      select account_number, activity_id, month::text as month, debit_cents, credit_cents, line_count from ledger_monthly_totals where coop_id = ${coop.id}
      except
      select account_number, activity_id, date_trunc('month', entry_date)::date::text, sum(debit_cents), sum(credit_cents), count(*)::int
      from ledger_journal_entry_lines where coop_id = ${coop.id} and ${notOpening} group by 1, 2, 3`);
    expect(fromTotals).toEqual([]);
    const fromDaily = await rowsOf(sql`
      select account_number, day::text as day, debit_cents, credit_cents, line_count from ledger_daily_totals where coop_id = ${coop.id}
      except
      select account_number, entry_date::text, sum(debit_cents), sum(credit_cents), count(*)::int
      from ledger_journal_entry_lines where coop_id = ${coop.id} and ${notOpening} group by 1, 2`);
    expect(fromDaily).toEqual([]);
    const [{ n }] = await rowsOf<{ n: number }>(sql`select count(*)::int as n from ledger_monthly_totals where coop_id = ${coop.id}`);
    expect(n).toBeGreaterThan(0);

    // 15 May – 31 May: the 14 May sale stays out, the 31 May one is in, June is out.
    const cut = await trialBalance(db, coop.id, { from: '2026-05-15', to: '2026-05-31', activityId: bobActivity });
    expect(cut.rows.find((r) => r.account === '706')?.creditCents).toBe(7_000);
    const fromLines = async (from: string, to: string) =>
      (
        await rowsOf<{ d: number | string; c: number | string }>(sql`select coalesce(sum(debit_cents), 0)::bigint as d, coalesce(sum(credit_cents), 0)::bigint as c
          from ledger_journal_entry_lines where coop_id = ${coop.id} and entry_date between ${from} and ${to} and ${notOpening}`)
      ).map((r) => ({ debitCents: Number(r.d), creditCents: Number(r.c) }))[0];
    for (const [from, to] of [['2026-01-01', '2026-12-31'], ['2026-05-14', '2026-06-01'], ['2026-05-15', '2026-05-30'], ['2026-04-30', '2026-07-01']] as const) {
      const tb = await trialBalance(db, coop.id, { from, to });
      expect(tb.totals, `${from} … ${to}`).toMatchObject(await fromLines(from, to));
    }
    const may = await trialBalance(db, coop.id, { from: '2026-05-14', to: '2026-05-31', activityId: bobActivity });
    expect(may.rows.find((r) => r.account === '706')?.creditCents).toBe(12_000);
  });

  it('never lets the stored totals be deleted', async () => {
    for (const table of ['ledger_monthly_totals', 'ledger_daily_totals']) {
      const err = await refusal(t.database.db.execute(sql`delete from ${sql.identifier(table)} where coop_id = ${coop.id}`));
      expect(sqlConstraint(err)).toBe('journal_entries_immutable');
    }
  });

  it('shows a member the balance of an activity they hold', async () => {
    const res = await mia.get(`/api/ledger/activities/${miaActivity}/balance`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ activityId: miaActivity, revenueCents: 10_000, expenseCents: 0, resultCents: 10_000 });
  });

  it("answers 404 to a member asking for another member's activity", async () => {
    expect((await mia.get(`/api/ledger/activities/${bobActivity}/balance`)).status).toBe(404);
  });

  it('shows staff any activity of the coop, and no activity of another coop', async () => {
    expect((await staff.get(`/api/ledger/activities/${bobActivity}/balance?to=2026-12-31`)).status).toBe(200);
    expect((await staff.get(`/api/ledger/activities/${foreignActivity}/balance`)).status).toBe(404);
  });

  it('lists the general ledger account by account with a running balance', async () => {
    const res = await staff.get('/api/ledger/general-ledger?from=2026-01-01&to=2026-12-31&account=4551&pageSize=50');
    expect(res.status).toBe(200);
    expect(res.body.total).toBeGreaterThanOrEqual(3);
    const lines = res.body.items as { debitCents: number; creditCents: number; runningBalanceCents: number; account: string }[];
    let running = 0;
    for (const line of lines) {
      expect(line.account).toBe('4551');
      running += line.debitCents - line.creditCents;
      expect(line.runningBalanceCents).toBe(running);
    }
  });
});

describe('tenant isolation', () => {
  it("keeps a coop's entries, balances and ledger out of another coop's reach", async () => {
    const list = await staff.get('/api/ledger/entries?pageSize=1');
    const id = list.body.items[0].id;
    expect((await otherAdmin.get(`/api/ledger/entries/${id}`)).status).toBe(404);
    expect((await otherAdmin.post(`/api/ledger/entries/${id}/reverse`, { date: '2026-06-01' })).status).toBe(404);
    expect((await otherAdmin.get(`/api/ledger/activities/${miaActivity}/balance`)).status).toBe(404);
    const theirs = await otherAdmin.get('/api/ledger/trial-balance?from=2026-01-01&to=2026-12-31');
    expect(theirs.body.rows).toEqual([]);
    expect((await otherAdmin.get('/api/ledger/entries')).body.total).toBe(0);
  });
});

describe('CSV exports', () => {
  it('exports the trial balance for a French spreadsheet', async () => {
    const res = await staff.get('/api/ledger/trial-balance?from=2026-01-01&to=2026-12-31&format=csv');
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toMatch(/^text\/csv/);
    expect(String(res.headers['content-disposition'])).toBe('attachment; filename="balance-2026-01-01-2026-12-31.csv"');
    expect(res.raw.startsWith('\uFEFF')).toBe(true);
    const lines = res.raw.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('Compte;Libellé;Débit;Crédit;Solde débiteur;Solde créditeur');
    expect(lines.find((l) => l.startsWith('411;'))).toMatch(/^411;Clients;\d+,\d\d;\d+,\d\d;\d+,\d\d;\d+,\d\d$/);
    expect(lines.at(-1)).toMatch(/^;Total;/);
  });

  it('exports the general ledger with dates day first and a decimal comma', async () => {
    const res = await staff.get('/api/ledger/general-ledger?from=2026-03-01&to=2026-03-31&format=csv');
    expect(res.status).toBe(200);
    expect(String(res.headers['content-disposition'])).toMatch(/^attachment; filename="grand-livre-/);
    const lines = res.raw.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('Compte;Intitulé du compte;Compte auxiliaire;Date;Journal;N° écriture;Libellé;Activité;Débit;Crédit;Solde');
    expect(lines).toContain(lines.find((l) => l.startsWith('411;Clients;;10/03/2026;VT;')));
    // The balance runs from the account's opening balance on 1 March: 120 € of an earlier sale, then this one.
    expect(lines.find((l) => l.startsWith('411;'))).toMatch(/;ATELIER-CERAMIQUE;120,00;0,00;240,00$/);
  });

  it('refuses a period ending before it starts', async () => {
    const res = await staff.get('/api/ledger/trial-balance?from=2026-12-31&to=2026-01-01');
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0].path).toBe('query.to');
  });
});
