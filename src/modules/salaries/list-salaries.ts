import { and, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { CSV_EXPORT_MAX_ROWS } from '../../platform/http/list-sort.js';
import { offsetOf } from '../../platform/http/pagination.js';
import type { Viewer } from '../activities/index.js';
import type { SalaryListPage, SalaryListQuery, SalaryRequest, SalarySort } from './contract.js';
import { viewsOf, visibleRequest, visibleRequests } from './salary-access.js';
import { salaryRequests } from './schema.js';

const SORT_COLUMNS: Record<SalarySort, SQL> = {
  month: sql`${salaryRequests.month}`,
  gross: sql`${salaryRequests.grossCents}`,
  net: sql`${salaryRequests.netCents}`,
  status: sql`${salaryRequests.status}`,
  createdAt: sql`${salaryRequests.createdAt}`,
};

function orderOf(query: Pick<SalaryListQuery, 'sort' | 'dir'>): SQL[] {
  const newestFirst = [desc(salaryRequests.createdAt), desc(salaryRequests.id)];
  if (!query.sort) return newestFirst;
  return [sql`${SORT_COLUMNS[query.sort]} ${query.dir === 'desc' ? sql`desc` : sql`asc`}`, ...newestFirst];
}

async function filtered(db: Executor, viewer: Viewer, query: Pick<SalaryListQuery, 'month' | 'status' | 'activityId'>): Promise<SQL | null> {
  const visible = await visibleRequests(db, viewer);
  if (!visible) return null;
  return and(
    visible,
    query.month ? eq(salaryRequests.month, `${query.month}-01`) : undefined,
    query.status ? eq(salaryRequests.status, query.status) : undefined,
    query.activityId ? eq(salaryRequests.activityId, query.activityId) : undefined,
  )!;
}

/** Salary requests the person may see (the team: all; a member: her activities'), filtered, newest first or sorted by a column. */
export async function listSalaries(db: Executor, viewer: Viewer, query: SalaryListQuery): Promise<SalaryListPage> {
  const empty = { items: [], total: 0, page: query.page, pageSize: query.pageSize };
  const where = await filtered(db, viewer, query);
  if (!where) return empty;
  const [sums] = await db.select({ total: count() }).from(salaryRequests).where(where);
  const total = sums?.total ?? 0;
  if (total === 0) return empty;
  const rows = await db.select().from(salaryRequests).where(where).orderBy(...orderOf(query)).limit(query.pageSize).offset(offsetOf(query));
  return { items: await viewsOf(db, viewer.coopId, rows), total, page: query.page, pageSize: query.pageSize };
}

/** The validated salaries of a month, by activity code then member: what the payroll export carries (bounded). */
export async function validatedSalariesOf(db: Executor, viewer: Viewer, month: string): Promise<SalaryRequest[]> {
  const where = await filtered(db, viewer, { month, status: 'validated' });
  if (!where) return [];
  const rows = await db.select().from(salaryRequests).where(where).orderBy(salaryRequests.createdAt, salaryRequests.id).limit(CSV_EXPORT_MAX_ROWS);
  const views = await viewsOf(db, viewer.coopId, rows);
  return views.sort((a, b) => a.activityCode.localeCompare(b.activityCode) || a.memberName.localeCompare(b.memberName, 'fr'));
}

export async function getSalary(db: Executor, viewer: Viewer, id: string): Promise<SalaryRequest> {
  const row = await visibleRequest(db, viewer, id);
  const [view] = await viewsOf(db, viewer.coopId, [row]);
  return view!;
}
