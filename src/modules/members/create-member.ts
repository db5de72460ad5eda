import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import { sqlConstraint, sqlState, UNIQUE_VIOLATION, type Executor } from '../../platform/db/client.js';
import { assertProfileFitsCoop } from './assert-profile.js';
import type { NewMember } from './contract.js';
import { todayInFrance } from '../../platform/calendar/index.js';
import { memberErrors } from './errors.js';
import { members, memberStatusChanges } from './schema.js';

const emailTaken = () =>
  memberErrors.MEMBER_EMAIL_TAKEN([{ path: 'email', message: { fr: 'Adresse déjà utilisée par un membre.', en: 'Address already used by a member.' } }]);
const userTaken = () =>
  memberErrors.MEMBER_USER_TAKEN([{ path: 'userId', message: { fr: 'Compte déjà rattaché à un membre.', en: 'Account already linked to a member.' } }]);

/**
 * Registers a person as a candidate of the cooperative: every membership starts there, dated
 * today, with its first status change and an audit record. Runs in the caller's transaction.
 * Duplicates are looked up first so a caller's transaction is not aborted by a unique
 * violation; the unique keys still decide when two requests race.
 */
export async function createMember(
  tx: Executor,
  actor: { coopId: string; userId: string | null; ip?: string | null },
  input: NewMember,
  now: Date = new Date(),
): Promise<{ id: string }> {
  await assertProfileFitsCoop(tx, actor.coopId, input);
  const email = input.email.trim().toLowerCase();
  const [sameEmail] = await tx.select({ id: members.id }).from(members).where(and(eq(members.coopId, actor.coopId), eq(members.email, email)));
  if (sameEmail) throw emailTaken();
  if (input.userId) {
    const [sameUser] = await tx.select({ id: members.id }).from(members).where(and(eq(members.coopId, actor.coopId), eq(members.userId, input.userId)));
    if (sameUser) throw userTaken();
  }

  const today = todayInFrance(now);
  try {
    const [row] = await tx
      .insert(members)
      .values({
        coopId: actor.coopId,
        userId: input.userId ?? null,
        firstName: input.firstName.trim(),
        lastName: input.lastName.trim(),
        email,
        phone: input.phone ?? null,
        membershipType: input.membershipType,
        status: 'candidate',
        statusSince: today,
        pole: input.pole ?? null,
        skills: input.skills ?? [],
        trades: input.trades ?? [],
        advisorUserId: input.advisorUserId ?? null,
        companyName: input.companyName ?? null,
        siret: input.siret ?? null,
      })
      .returning();
    await tx.insert(memberStatusChanges).values({ coopId: actor.coopId, memberId: row.id, fromStatus: null, toStatus: 'candidate', effectiveDate: today, byUserId: actor.userId });
    await recordAudit(tx, actor, { action: 'member.created', entityType: 'member', entityId: row.id, after: row });
    return { id: row.id };
  } catch (err) {
    if (sqlState(err) === UNIQUE_VIOLATION) throw sqlConstraint(err) === 'members_coop_user_key' ? userTaken() : emailTaken();
    throw err;
  }
}
