import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { memberIdOfUser, membershipTypeOfUser } from '../members/index.js';
import { storedFeeSettings } from './fee-settings.js';
import { memberFees } from './schema.js';

/**
 * Whether a person's member record in a coop is billed the monthly fee: their membership type
 * is one the coop bills, or fees were billed to them before (their type or the settings
 * changed since, and those fees are still theirs to read). The menu offers "Mes cotisations"
 * only then: an entrepreneur-salarié the coop never bills has nothing there.
 */
export async function feesBilledToUser(db: Executor, coopId: string, userId: string): Promise<boolean> {
  const [type, memberId] = await Promise.all([membershipTypeOfUser(db, coopId, userId), memberIdOfUser(db, coopId, userId)]);
  if (!memberId) return false;
  const { billedTypes } = await storedFeeSettings(db, coopId);
  if (type && (billedTypes as readonly string[]).includes(type)) return true;
  const [any] = await db.select({ id: memberFees.id }).from(memberFees).where(and(eq(memberFees.coopId, coopId), eq(memberFees.memberId, memberId))).limit(1);
  return any !== undefined;
}
