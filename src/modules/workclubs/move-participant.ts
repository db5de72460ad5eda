import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db } from '../../platform/db/client.js';
import { invalidField } from '../../platform/errors.js';
import type { Actor } from '../../platform/http/context.js';
import type { MoveParticipantBody } from './contract.js';
import { mayWorkIn } from './domain/workclub-states.js';
import { workclubErrors } from './errors.js';
import { workclubGroupMembers, workclubGroups } from './schema.js';
import { groupFor } from './workclub-access.js';

/** Staff move one person to another group of the season; their goals and reports go with them. */
export async function moveParticipant(db: Db, actor: Actor, groupId: string, body: MoveParticipantBody): Promise<void> {
  await db.transaction(async (tx) => {
    const { group } = await groupFor(tx, { coopId: actor.coopId, team: true }, groupId, { lock: true });
    if (!mayWorkIn(group)) throw workclubErrors.GROUP_CLOSED();
    const [target] = await tx.select().from(workclubGroups).where(and(eq(workclubGroups.coopId, actor.coopId), eq(workclubGroups.id, body.toGroupId), eq(workclubGroups.seasonId, group.seasonId))).for('update');
    if (!target || target.id === group.id) throw invalidField('toGroupId', { fr: 'Choisissez un autre groupe de la même saison.', en: 'Choose another group of the same season.' });
    if (!mayWorkIn(target)) throw workclubErrors.GROUP_CLOSED();
    const [moved] = await tx
      .update(workclubGroupMembers)
      .set({ groupId: target.id })
      .where(and(eq(workclubGroupMembers.coopId, actor.coopId), eq(workclubGroupMembers.id, body.participantId), eq(workclubGroupMembers.groupId, group.id)))
      .returning({ id: workclubGroupMembers.id });
    if (!moved) throw invalidField('participantId', { fr: 'Cette personne n’est pas dans ce groupe.', en: 'This person is not in this group.' });
    await recordAudit(tx, actor, { action: 'workclub_participant.moved', entityType: 'workclub_participant', entityId: moved.id, before: { groupId: group.id }, after: { groupId: target.id } });
  });
}
