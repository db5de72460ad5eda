import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { users } from '../../platform/auth/schema.js';
import { FRANCE_TIME_ZONE, todayInFrance } from '../../platform/calendar/index.js';
import type { Db } from '../../platform/db/client.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import { coopNames } from '../coops/index.js';
import { digestMail, isDigestDue } from './domain/notification-texts.js';
import { notificationDigests, notifications } from './schema.js';

const parisHour = new Intl.DateTimeFormat('en-GB', { timeZone: FRANCE_TIME_ZONE, hour: '2-digit', hourCycle: 'h23' });

const waiting = and(eq(notifications.mailMode, 'daily'), isNull(notifications.mailedAt), isNull(notifications.readAt));

/**
 * Mails each person who chose the daily digest what waits for them, once a day (Paris): at
 * the first run after the digest hour that finds notifications neither read nor mailed.
 * The digest row, keyed by (coop, person, day), is written with the mail in one transaction:
 * a second run that day, or another instance racing this one, sends nothing more.
 */
export async function sendNotificationDigests(db: Db, opts: { publicUrl: string; now: Date }): Promise<number> {
  if (!isDigestDue(Number(parisHour.format(opts.now)))) return 0;
  const day = todayInFrance(opts.now);
  const due = await db
    .selectDistinct({ coopId: notifications.coopId, userId: notifications.userId })
    .from(notifications)
    .where(
      and(
        waiting,
        sql`not exists (select 1 from ${notificationDigests} d where d.coop_id = ${notifications.coopId} and d.user_id = ${notifications.userId} and d.day = ${day})`,
      ),
    );
  let sent = 0;
  for (const { coopId, userId } of due) {
    const mailed = await db.transaction(async (tx) => {
      const [person] = await tx.select({ email: users.email, locale: users.locale, disabledAt: users.disabledAt }).from(users).where(eq(users.id, userId));
      if (!person || person.disabledAt) return false;
      const items = await tx
        .select()
        .from(notifications)
        .where(and(eq(notifications.coopId, coopId), eq(notifications.userId, userId), waiting))
        .orderBy(asc(notifications.createdAt), asc(notifications.id))
        .for('update');
      if (items.length === 0) return false;
      const coopName = (await coopNames(tx, [coopId])).get(coopId) ?? '';
      const text = digestMail(
        items.map((n) => ({ id: n.id, action: n.action, entityType: n.entityType, entityId: n.entityId, ...n.details })),
        { locale: person.locale === 'en' ? 'en' : 'fr', coopName, publicUrl: opts.publicUrl, day },
      );
      const mailId = await enqueueMail(tx, { coopId, to: person.email, subject: text.subject, text: text.text, template: 'notification.digest' });
      const [digest] = await tx.insert(notificationDigests).values({ coopId, userId, day, mailId }).onConflictDoNothing().returning({ day: notificationDigests.day });
      // Another run sent today's digest meanwhile: undo this mail with the transaction.
      if (!digest) throw new DigestAlreadySent();
      await tx
        .update(notifications)
        .set({ mailedAt: sql`now()`, mailId })
        .where(and(eq(notifications.coopId, coopId), inArray(notifications.id, items.map((n) => n.id))));
      return true;
    }).catch((err) => {
      if (err instanceof DigestAlreadySent) return false;
      throw err;
    });
    if (mailed) sent++;
  }
  return sent;
}

class DigestAlreadySent extends Error {}
