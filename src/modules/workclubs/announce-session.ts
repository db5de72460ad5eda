import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { sha256Of, type FileStorage } from '../../platform/files/storage.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import { coopNames } from '../coops/index.js';
import { memberContacts } from '../members/index.js';
import { sessionMail, type SessionChange } from './domain/session-mail.js';
import { sessionsOfGroup } from './group-calendar.js';
import { guestLinkUrl } from './guest-link-url.js';
import { renderSessionsIcs, sessionsIcsFileName } from './render-sessions-ics.js';
import { workclubExternalParticipants, workclubGroupMembers, workclubGroups } from './schema.js';
import { seasonOf } from './workclub-access.js';

/**
 * What the session mails need. The routes always pass it; only the demo seed, replaying a
 * season whose sessions were announced back then, passes none.
 */
export interface SessionMailDeps {
  storage: FileStorage;
  publicUrl: string;
}

export const SESSION_MAIL_TEMPLATE: Record<SessionChange, string> = { scheduled: 'workclub.session_scheduled', rescheduled: 'workclub.session_rescheduled' };

/**
 * Tells every participant of the group (members and guests) that a session was scheduled or
 * moved, in the caller's transaction: the mails leave only if the change commits. Each mail
 * carries the group's whole calendar (every session, its UID and SEQUENCE), so whichever mail
 * a person imports last leaves their calendar right. A guest whose link staff revoked is no
 * longer written to.
 */
export async function announceSession(
  tx: Executor,
  deps: SessionMailDeps,
  coopId: string,
  groupId: string,
  change: { kind: SessionChange; session: { startsAt: Date; durationMinutes: number; place: string }; previousStartsAt?: Date | null },
): Promise<string[]> {
  const [group] = await tx.select().from(workclubGroups).where(and(eq(workclubGroups.coopId, coopId), eq(workclubGroups.id, groupId)));
  if (!group) return [];
  const season = await seasonOf(tx, coopId, group.seasonId);
  const seats = await tx.select().from(workclubGroupMembers).where(and(eq(workclubGroupMembers.coopId, coopId), eq(workclubGroupMembers.groupId, groupId)));
  const members = await memberContacts(tx, coopId, seats.flatMap((s) => (s.memberId ? [s.memberId] : [])));
  const guests = await tx.select().from(workclubExternalParticipants).where(and(eq(workclubExternalParticipants.coopId, coopId), eq(workclubExternalParticipants.seasonId, group.seasonId)));
  const guestOf = new Map(guests.map((g) => [g.id, g]));
  const coopName = (await coopNames(tx, [coopId])).get(coopId) ?? '';

  const recipients = seats.flatMap((s): { name: string; email: string; guestLink: string | null }[] => {
    if (s.memberId) {
      const m = members.get(s.memberId);
      return m ? [{ name: m.name, email: m.email, guestLink: null }] : [];
    }
    const g = s.externalParticipantId ? guestOf.get(s.externalParticipantId) : undefined;
    return g && !g.linkRevokedAt ? [{ name: g.name, email: g.email, guestLink: guestLinkUrl(deps.publicUrl, coopId, g, season.endsOn) }] : [];
  });
  if (recipients.length === 0) return [];

  const names = seats.map((s) => (s.memberId ? members.get(s.memberId)?.name : guestOf.get(s.externalParticipantId ?? '')?.name) ?? '');
  const bytes = Buffer.from(renderSessionsIcs({ name: group.name, seasonName: season.name, participantNames: names }, await sessionsOfGroup(tx, coopId, groupId), coopName), 'utf8');
  const sha256 = sha256Of(bytes);
  // Keyed by the content's hash: one file per version of the group's calendar however many
  // receive it, and a file left by a rolled-back transaction is harmless (no mail points to it).
  const storageKey = `workclubs/${coopId}/${groupId}/${sha256}.ics`;
  await deps.storage.put(storageKey, bytes);
  const attachment = { filename: sessionsIcsFileName(group.name), contentType: 'text/calendar; charset=utf-8; method=PUBLISH', storageKey, sha256 };

  const ids: string[] = [];
  for (const r of recipients) {
    const mail = sessionMail({ change: change.kind, recipientName: r.name, coopName, groupName: group.name, seasonName: season.name, session: change.session, previousStartsAt: change.previousStartsAt ?? null, guestLink: r.guestLink });
    ids.push(await enqueueMail(tx, { coopId, to: r.email, subject: mail.subject, text: mail.text, template: SESSION_MAIL_TEMPLATE[change.kind], attachments: [attachment] }));
  }
  return ids;
}
