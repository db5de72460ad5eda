import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { getGroup } from './get-group.js';
import { renderSessionsIcs, sessionsIcsFileName } from './render-sessions-ics.js';
import { workclubSessions } from './schema.js';
import type { GroupReader } from './workclub-access.js';

/** The group's sessions as an iCalendar file, for whoever may read the group (`getGroup` checks it). */
export async function groupCalendar(db: Executor, reader: GroupReader, groupId: string, coopName: string): Promise<{ fileName: string; content: string }> {
  const group = await getGroup(db, reader, groupId);
  const sessions = await sessionsOfGroup(db, reader.coopId, groupId);
  return { fileName: sessionsIcsFileName(group.name), content: renderSessionsIcs({ name: group.name, seasonName: group.season.name, participantNames: group.participants.map((p) => p.name) }, sessions, coopName) };
}

export async function sessionsOfGroup(db: Executor, coopId: string, groupId: string) {
  return db
    .select({ id: workclubSessions.id, startsAt: workclubSessions.startsAt, durationMinutes: workclubSessions.durationMinutes, place: workclubSessions.place, sequence: workclubSessions.sequence, updatedAt: workclubSessions.updatedAt })
    .from(workclubSessions)
    .where(and(eq(workclubSessions.coopId, coopId), eq(workclubSessions.groupId, groupId)))
    .orderBy(asc(workclubSessions.startsAt));
}
