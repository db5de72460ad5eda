import type { Executor } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { centsToFrenchDecimal as money, renderCsv } from '../ledger/index.js';
import { validatedSalariesOf } from './list-salaries.js';

/**
 * The month's validated salaries for the payroll software, one line each, in the French CSV
 * dialect of every export. It carries what the coop booked (flat rates) and the identifiers it
 * has (member and activity), no social-security number: the payroll software holds those and
 * computes the payslip. Names go through `renderCsv`, which neutralises formula-like cells.
 */
export async function exportSalariesCsv(db: Executor, actor: Actor, month: string): Promise<{ fileName: string; csv: string }> {
  const rows = await validatedSalariesOf(db, actor, month);
  const csv = renderCsv(
    ['Mois', 'Membre', 'Identifiant membre', 'Activité', 'Brut', 'Cotisations patronales', 'Cotisations salariales', 'Net', 'Coût employeur', 'Taux patronal (%)', 'Taux salarial (%)'],
    rows.map((r) => [
      r.month,
      r.memberName,
      r.memberId,
      r.activityCode,
      money(r.grossCents),
      money(r.employerContributionsCents),
      money(r.employeeContributionsCents),
      money(r.netCents),
      money(r.employerCostCents),
      money(r.employerRateBp),
      money(r.employeeRateBp),
    ]),
  );
  return { fileName: `salaires-${month}.csv`, csv };
}
