import { and, eq } from 'drizzle-orm';
import { FRANCE_TIME_ZONE } from '../../platform/calendar/index.js';
import type { Db } from '../../platform/db/client.js';
import type { JobHandler } from '../../platform/jobs/run-due-jobs.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import { recipientOf } from './registration-mails.js';
import { eventRegistrations, eventRemindersSent, events } from './schema.js';

const when = (d: Date) => new Intl.DateTimeFormat('fr-FR', { timeZone: FRANCE_TIME_ZONE, weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' }).format(d);

/**
 * The reminder job queued at registration: it mails the person if, when it runs, they still
 * hold a confirmed place at an event still scheduled at the start it was queued for (a moved
 * event queued fresh reminders) and that has not started yet. The row of the reminder sent is written with the mail, so a
 * job run again after a crash sends nothing twice.
 */
export const sendEventReminderJob =
  (db: Db): JobHandler =>
  async (job) => {
    const registrationId = String(job.payload.registrationId ?? '');
    const kind = String(job.payload.kind ?? '');
    const startsAt = new Date(String(job.payload.startsAt ?? ''));
    if (!registrationId || Number.isNaN(startsAt.getTime())) return;
    await db.transaction(async (tx) => {
      const [row] = await tx
        .select({ reg: eventRegistrations, event: events })
        .from(eventRegistrations)
        .innerJoin(events, and(eq(events.coopId, eventRegistrations.coopId), eq(events.id, eventRegistrations.eventId)))
        .where(and(eq(eventRegistrations.coopId, job.coopId), eq(eventRegistrations.id, registrationId)));
      if (!row || row.reg.status !== 'confirmed' || row.event.status !== 'scheduled' || row.event.startsAt.getTime() !== startsAt.getTime()) return;
      // A runner that was down until after the start has nothing useful left to remind.
      if (Date.now() >= startsAt.getTime()) return;
      const [sent] = await tx.insert(eventRemindersSent).values({ coopId: job.coopId, registrationId, kind, startsAt }).onConflictDoNothing().returning({ kind: eventRemindersSent.kind });
      if (!sent) return;
      const to = await recipientOf(tx, job.coopId, row.reg);
      if (!to) return;
      const e = row.event;
      await enqueueMail(tx, {
        coopId: job.coopId,
        to: to.email,
        subject: `${kind === 'day_before' ? 'Demain' : 'Dans une heure'} : ${e.title}`,
        text: `Bonjour ${to.name},\n\nPetit rappel : ${e.title}, ${when(e.startsAt)}.${e.place ? `\nLieu : ${e.place}` : ''}${e.onlineUrl ? `\nLien : ${e.onlineUrl}` : ''}\n\nUn empêchement ? Annulez votre inscription sur la page de l'évènement pour libérer votre place.\n`,
        template: 'event_reminder',
      });
    });
  };
