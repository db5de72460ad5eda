import { and, asc, count, eq, ilike, like, or, sql, type SQL } from 'drizzle-orm';
import { recordAudit, type AuditActor } from '../../platform/audit/record-audit.js';
import { sqlState, UNIQUE_VIOLATION, type Executor } from '../../platform/db/client.js';
import { offsetOf, type Page } from '../../platform/http/pagination.js';
import type { Account, CreateAccountBody, Journal, ListAccountsQuery, UpdateAccountBody } from './contract.js';
import { accountClass, defaultKindOf } from './domain/chart-of-accounts.js';
import { ledgerErrors } from './errors.js';
import { accounts, journals, type AccountRow } from './schema.js';
import { likeEscape } from '../../platform/db/search.js';


const view = (r: AccountRow): Account => ({ id: r.id, number: r.number, label: r.label, accountClass: accountClass(r.number), kind: r.kind, active: r.active });

/** The chart of accounts, by number (PCG order). */
export async function listAccounts(db: Executor, coopId: string, q: ListAccountsQuery): Promise<Page<Account>> {
  const filters: SQL[] = [eq(accounts.coopId, coopId)];
  if (q.accountClass) filters.push(like(accounts.number, `${q.accountClass}%`));
  if (q.q) filters.push(or(like(accounts.number, `${likeEscape(q.q)}%`), ilike(accounts.label, `%${likeEscape(q.q)}%`))!);
  const where = and(...filters);
  const [{ total }] = await db.select({ total: count() }).from(accounts).where(where);
  const rows = await db.select().from(accounts).where(where).orderBy(asc(accounts.number)).limit(q.pageSize).offset(offsetOf(q));
  return { items: rows.map(view), total, page: q.page, pageSize: q.pageSize };
}

export async function createAccount(tx: Executor, actor: AuditActor, input: CreateAccountBody): Promise<Account> {
  try {
    const [row] = await tx
      .insert(accounts)
      .values({ coopId: actor.coopId, number: input.number, label: input.label, kind: input.kind ?? defaultKindOf(input.number) })
      .returning();
    await recordAudit(tx, actor, { action: 'account.created', entityType: 'account', entityId: row.id, after: { number: row.number, label: row.label, kind: row.kind } });
    return view(row);
  } catch (err) {
    if (sqlState(err) === UNIQUE_VIOLATION) throw ledgerErrors.ACCOUNT_NUMBER_TAKEN([{ path: 'number', message: ledgerErrors.ACCOUNT_NUMBER_TAKEN().text }]);
    throw err;
  }
}

/** Renames or (de)activates an account. Its number never changes: posted lines name it. */
export async function updateAccount(tx: Executor, actor: AuditActor, number: string, input: UpdateAccountBody): Promise<Account> {
  const where = and(eq(accounts.coopId, actor.coopId), eq(accounts.number, number));
  const [before] = await tx.select().from(accounts).where(where).for('update');
  if (!before) throw ledgerErrors.ACCOUNT_NOT_FOUND();
  const [row] = await tx
    .update(accounts)
    .set({ ...input, updatedAt: sql`now()` })
    .where(where)
    .returning();
  await recordAudit(tx, actor, {
    action: 'account.updated',
    entityType: 'account',
    entityId: row.id,
    before: { label: before.label, active: before.active },
    after: { label: row.label, active: row.active },
  });
  return view(row);
}

export async function listJournals(db: Executor, coopId: string): Promise<Journal[]> {
  return db.select({ code: journals.code, label: journals.label }).from(journals).where(eq(journals.coopId, coopId)).orderBy(asc(journals.code));
}

/** Labels of accounts by number, for balances and ledgers. */
export async function accountLabels(db: Executor, coopId: string): Promise<Map<string, string>> {
  const rows = await db.select({ number: accounts.number, label: accounts.label }).from(accounts).where(eq(accounts.coopId, coopId));
  return new Map(rows.map((r) => [r.number, r.label]));
}
