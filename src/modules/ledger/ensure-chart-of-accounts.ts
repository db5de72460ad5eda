import { and, eq, gte, lte } from 'drizzle-orm';
import { recordAudit, type AuditActor } from '../../platform/audit/record-audit.js';
import { todayFromClock } from '../../platform/calendar/index.js';
import type { Executor } from '../../platform/db/client.js';
import type { SetupResult } from './contract.js';
import { defaultChartOfAccounts, defaultJournals } from './domain/chart-of-accounts.js';
import { calendarYearOf } from './domain/fiscal-years.js';
import { accounts, fiscalYears, journals } from './schema.js';

/**
 * Gives a cooperative what posting needs: the PCG accounts the platform uses, the five
 * journals and a fiscal year for today (the calendar year) when none holds it. Idempotent:
 * what exists is left as the coop edited it, so it runs for new and existing coops alike.
 */
export async function ensureChartOfAccounts(
  tx: Executor,
  coopId: string,
  opts: { actor?: AuditActor; today?: string } = {},
): Promise<SetupResult> {
  const today = opts.today ?? todayFromClock();
  const createdAccounts = await tx
    .insert(accounts)
    .values(defaultChartOfAccounts().map((a) => ({ coopId, ...a })))
    .onConflictDoNothing()
    .returning({ number: accounts.number });
  const createdJournals = await tx
    .insert(journals)
    .values(defaultJournals().map((j) => ({ coopId, ...j })))
    .onConflictDoNothing()
    .returning({ code: journals.code });
  const year = calendarYearOf(today);
  const overlapping = await tx
    .select({ id: fiscalYears.id })
    .from(fiscalYears)
    .where(and(eq(fiscalYears.coopId, coopId), lte(fiscalYears.startDate, year.endDate), gte(fiscalYears.endDate, year.startDate)))
    .limit(1);
  let fiscalYearCreated = false;
  if (overlapping.length === 0) {
    await tx.insert(fiscalYears).values({ coopId, ...year });
    fiscalYearCreated = true;
  }
  const result = { accountsCreated: createdAccounts.length, journalsCreated: createdJournals.length, fiscalYearCreated };
  if (result.accountsCreated || result.journalsCreated || fiscalYearCreated) {
    await recordAudit(tx, opts.actor ?? { coopId, userId: null }, {
      action: 'ledger.set_up',
      entityType: 'coop',
      entityId: coopId,
      after: { accounts: createdAccounts.map((a) => a.number), journals: createdJournals.map((j) => j.code), fiscalYear: fiscalYearCreated ? year : null },
    });
  }
  return result;
}
