import type { Executor } from '../../platform/db/client.js';
import { invalidField } from '../../platform/errors.js';
import { getCoop } from '../coops/index.js';
import { assertAdvisor } from './assert-advisor.js';

/**
 * Rules of a member profile that depend on the cooperative's settings: the membership types it
 * hosts, its poles (when it organises members by pole), and advisors from its own staff.
 */
export async function assertProfileFitsCoop(
  db: Executor,
  coopId: string,
  profile: { membershipType?: string; pole?: string | null; advisorUserId?: string | null },
): Promise<void> {
  const coop = await getCoop(db, coopId);
  if (profile.membershipType && !coop.membershipTypes.includes(profile.membershipType as never)) {
    throw invalidField('membershipType', { fr: "La coopérative n'accueille pas ce type de membre.", en: 'The cooperative does not host this membership type.' });
  }
  if (profile.pole && coop.poles.length > 0 && !coop.poles.includes(profile.pole)) {
    throw invalidField('pole', { fr: "Ce pôle n'existe pas dans la coopérative.", en: 'This pole does not exist in the cooperative.' });
  }
  await assertAdvisor(db, coopId, profile.advisorUserId);
}
