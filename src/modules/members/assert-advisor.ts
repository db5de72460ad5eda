import { rolesOf } from '../../platform/auth/service.js';
import type { Executor } from '../../platform/db/client.js';
import { invalidField } from '../../platform/errors.js';

/** An advisor coaches members on behalf of the coop, so they must be staff or admin of that coop. */
export async function assertAdvisor(db: Executor, coopId: string, advisorUserId: string | null | undefined): Promise<void> {
  if (!advisorUserId) return;
  const roles = await rolesOf(db, advisorUserId, coopId);
  if (!roles.includes('staff') && !roles.includes('admin')) {
    throw invalidField('advisorUserId', {
      fr: 'Le conseiller doit être un membre de l’équipe (salarié permanent ou direction) de la coopérative.',
      en: 'The advisor must be a staff member or an administrator of the cooperative.',
    });
  }
}
