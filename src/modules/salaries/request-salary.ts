import { recordAudit } from '../../platform/audit/record-audit.js';
import { sqlConstraint, sqlState, UNIQUE_VIOLATION, type Db } from '../../platform/db/client.js';
import { invalidField } from '../../platform/errors.js';
import type { Actor } from '../../platform/http/context.js';
import { holdersOf } from '../activities/index.js';
import { memberIdOfUser } from '../members/index.js';
import type { RequestSalaryBody } from './contract.js';
import { askableMonths } from './domain/salary-rules.js';
import { breakdownOfGross } from './domain/simulate-salary.js';
import { availableForSalary } from './available-for-salary.js';
import { salaryErrors } from './errors.js';
import { lockActivitySalaries, visibleActivity } from './salary-access.js';
import { getSalarySettings } from './salary-settings.js';
import { salaryRequests } from './schema.js';

const eurosText = (cents: number, locale: 'fr' | 'en') => new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { style: 'currency', currency: 'EUR' }).format(cents / 100);

/**
 * A member asks a month's gross salary on an activity she holds. The employer cost (gross and
 * employer contributions at the coop's flat rates) must fit in what the activity has available,
 * other requests not yet validated taken off: checked under the activity's salary lock, so two
 * requests at once cannot both take the same euros. Nothing is posted yet: the team validates.
 */
export async function requestSalary(db: Db, actor: Actor, input: RequestSalaryBody, today: string): Promise<{ id: string }> {
  const month = `${input.month}-01`;
  if (!askableMonths(today).includes(month)) {
    throw invalidField('month', { fr: 'Un salaire se demande pour le mois précédent, le mois en cours ou le suivant.', en: 'A salary is asked for the previous month, this month or the next.' });
  }
  const activity = await visibleActivity(db, actor, input.activityId);
  // A suspended or closed activity pays no new salary: the team settles it first.
  if (activity.status !== 'active') throw invalidField('activityId', { fr: 'Cette activité n’est pas active : aucun salaire ne peut y être demandé.', en: 'This activity is not active: no salary can be asked on it.' });
  const memberId = await memberIdOfUser(db, actor.coopId, actor.userId);
  const holders = (await holdersOf(db, actor.coopId, [input.activityId])).get(input.activityId) ?? [];
  if (!memberId || !holders.some((h) => h.memberId === memberId)) throw salaryErrors.SALARY_NOT_HOLDER();
  const settings = await getSalarySettings(db, actor.coopId);
  const amounts = breakdownOfGross(input.grossCents, settings);
  try {
    return await db.transaction(
      async (tx) => {
        await lockActivitySalaries(tx, actor.coopId, input.activityId);
        const { availableCents } = await availableForSalary(tx, actor.coopId, input.activityId, today);
        if (amounts.employerCostCents > availableCents) {
          const room = Math.max(0, availableCents);
          throw salaryErrors.SALARY_OVER_TREASURY([
            {
              path: 'grossCents',
              message: {
                fr: `Coût employeur ${eurosText(amounts.employerCostCents, 'fr')} pour ${eurosText(room, 'fr')} disponibles sur l’activité.`,
                en: `Employer cost ${eurosText(amounts.employerCostCents, 'en')} for ${eurosText(room, 'en')} available on the activity.`,
              },
            },
          ]);
        }
        const [row] = await tx
          .insert(salaryRequests)
          .values({
            coopId: actor.coopId,
            activityId: input.activityId,
            memberId,
            month,
            ...amounts,
            employerRateBp: settings.employerRateBp,
            employeeRateBp: settings.employeeRateBp,
            note: input.note?.trim() || null,
            requestedBy: actor.userId,
          })
          .returning({ id: salaryRequests.id });
        await recordAudit(tx, actor, {
          action: 'salary.requested',
          entityType: 'salary_request',
          entityId: row!.id,
          after: { activityId: input.activityId, memberId, month: input.month, status: 'requested', ...amounts, employerRateBp: settings.employerRateBp, employeeRateBp: settings.employeeRateBp },
        });
        return { id: row!.id };
      },
      { isolationLevel: 'read committed' },
    );
  } catch (err) {
    if (sqlState(err) === UNIQUE_VIOLATION && sqlConstraint(err) === 'salary_requests_live_key') throw salaryErrors.SALARY_ALREADY_REQUESTED([{ path: 'month', message: salaryErrors.SALARY_ALREADY_REQUESTED().text }]);
    throw err;
  }
}
