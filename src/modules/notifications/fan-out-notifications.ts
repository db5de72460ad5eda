import { and, asc, eq, inArray, lt, sql } from 'drizzle-orm';
import { isRowId, refKey } from '../../platform/audit/record-labels.js';
import { auditLog, type AuditChanges } from '../../platform/audit/schema.js';
import { displayNamesOf, peopleOf } from '../../platform/auth/service.js';
import { users } from '../../platform/auth/schema.js';
import type { Db, Executor } from '../../platform/db/client.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import { holdersOf } from '../activities/index.js';
import { allCoopIds, coopNames } from '../coops/index.js';
import { invoiceNumbers } from '../invoicing/index.js';
import { userIdsOfMembers } from '../members/index.js';
import { quoteNumbers } from '../quotes/index.js';
import { labelRecords } from '../record-labels/index.js';
import { DEFAULT_MAIL_MODE, type MailMode, type NotificationDetails } from './contract.js';
import { notificationMail } from './domain/notification-texts.js';
import { audiencesOf, NOTIFIED_ACTIONS, namedIdsOf, recipientsOf, type Audience, type AudienceMembers } from './domain/recipients-of.js';
import { notificationCursors, notificationFanoutSeen, notificationPreferences, notifications } from './schema.js';

/**
 * How far behind its watermark the fan-out reads again. An audit record is stamped with its
 * transaction's start, so a transaction that ran longer than this would be missed: no
 * business action of the app holds a transaction for minutes.
 */
const REREAD_WINDOW = "10 minutes";
const BATCH = 200;

interface AuditRow {
  coopId: string;
  id: string;
  at: Date;
  actorUserId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  changes: AuditChanges;
}

export interface FanOutResult {
  /** Audit records read and turned into notifications (or into none). */
  records: number;
  notifications: number;
  mails: number;
}

/**
 * Turns the audit records written since the last run into notifications, for every coop:
 * each record in its own transaction (its notifications, the mails of those who want one at
 * once, and the mark that it was seen), so a crash mid-way loses nothing and repeats nothing.
 * Run twice, or by two app instances at once, it notifies once: the mark and the unique
 * (coop, recipient, audit record) key both say so.
 */
export async function fanOutNotifications(db: Db, opts: { publicUrl: string }): Promise<FanOutResult> {
  await openCursors(db);
  const result: FanOutResult = { records: 0, notifications: 0, mails: 0 };
  for (;;) {
    const rows = await pendingRecords(db);
    if (rows.length === 0) break;
    for (const row of rows) {
      const made = await db.transaction((tx) => fanOutRecord(tx, row, opts.publicUrl));
      result.records++;
      result.notifications += made.notifications;
      result.mails += made.mails;
    }
    await advanceCursors(db, rows);
    if (rows.length < BATCH) break;
  }
  return result;
}

/** A coop notifies from the moment the fan-out first meets it: its older history is nobody's news. */
async function openCursors(db: Db): Promise<void> {
  const known = new Set((await db.select({ coopId: notificationCursors.coopId }).from(notificationCursors)).map((r) => r.coopId));
  const fresh = (await allCoopIds(db)).filter((id) => !known.has(id));
  if (fresh.length === 0) return;
  await db
    .insert(notificationCursors)
    .values(fresh.map((coopId) => ({ coopId, since: sql`now()`, watermark: sql`now()` })))
    .onConflictDoNothing();
}

async function pendingRecords(db: Db): Promise<AuditRow[]> {
  return db
    .select({
      coopId: auditLog.coopId,
      id: auditLog.id,
      at: auditLog.at,
      actorUserId: auditLog.actorUserId,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      changes: auditLog.changes,
    })
    .from(auditLog)
    .innerJoin(notificationCursors, eq(notificationCursors.coopId, auditLog.coopId))
    .where(
      and(
        sql`${auditLog.at} >= ${notificationCursors.since}`,
        sql`${auditLog.at} > ${notificationCursors.watermark} - interval '${sql.raw(REREAD_WINDOW)}'`,
        sql`not exists (select 1 from ${notificationFanoutSeen} s where s.coop_id = ${auditLog.coopId} and s.audit_id = ${auditLog.id})`,
      ),
    )
    .orderBy(asc(auditLog.at), asc(auditLog.id))
    .limit(BATCH);
}

async function advanceCursors(db: Db, rows: AuditRow[]): Promise<void> {
  const latest = new Map<string, Date>();
  for (const r of rows) if (!latest.has(r.coopId) || latest.get(r.coopId)! < r.at) latest.set(r.coopId, r.at);
  for (const [coopId, at] of latest) {
    await db
      .update(notificationCursors)
      .set({ watermark: sql`greatest(${notificationCursors.watermark}, ${at.toISOString()}::timestamptz)`, updatedAt: new Date() })
      .where(eq(notificationCursors.coopId, coopId));
    // What lies before the re-read window is never read again: its marks have done their work.
    await db
      .delete(notificationFanoutSeen)
      .where(and(eq(notificationFanoutSeen.coopId, coopId), lt(notificationFanoutSeen.at, sql`${at.toISOString()}::timestamptz - interval '${sql.raw(REREAD_WINDOW)}'`)));
  }
}

async function fanOutRecord(tx: Executor, row: AuditRow, publicUrl: string): Promise<{ notifications: number; mails: number }> {
  const inserted = await tx
    .insert(notificationFanoutSeen)
    .values({ coopId: row.coopId, auditId: row.id, at: row.at })
    .onConflictDoNothing()
    .returning({ auditId: notificationFanoutSeen.auditId });
  // Another instance took this record meanwhile.
  if (inserted.length === 0 || !NOTIFIED_ACTIONS.includes(row.action)) return { notifications: 0, mails: 0 };

  const recipients = recipientsOf(row, await audienceMembers(tx, row));
  if (recipients.length === 0) return { notifications: 0, mails: 0 };

  const details = await detailsOf(tx, row);
  const modes = await mailModesOf(tx, row.coopId, recipients);
  const made = await tx
    .insert(notifications)
    .values(
      recipients.map((userId) => ({
        coopId: row.coopId,
        userId,
        auditId: row.id,
        action: row.action,
        entityType: row.entityType,
        entityId: row.entityId,
        details,
        createdAt: row.at,
        mailMode: modes.get(userId) ?? DEFAULT_MAIL_MODE,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: notifications.id, userId: notifications.userId, mailMode: notifications.mailMode });

  const toMail = made.filter((n) => n.mailMode === 'each');
  if (toMail.length === 0) return { notifications: made.length, mails: 0 };
  const people = await tx.select({ id: users.id, email: users.email, locale: users.locale, disabledAt: users.disabledAt }).from(users).where(inArray(users.id, toMail.map((n) => n.userId)));
  const coopName = (await coopNames(tx, [row.coopId])).get(row.coopId) ?? '';
  let mails = 0;
  for (const n of toMail) {
    const person = people.find((p) => p.id === n.userId);
    if (!person || person.disabledAt) continue;
    const text = notificationMail({ ...n, action: row.action, entityType: row.entityType, entityId: row.entityId, ...details }, { locale: person.locale === 'en' ? 'en' : 'fr', coopName, publicUrl });
    const mailId = await enqueueMail(tx, { coopId: row.coopId, to: person.email, subject: text.subject, text: text.text, template: 'notification.each' });
    await tx.update(notifications).set({ mailedAt: sql`now()`, mailId }).where(and(eq(notifications.coopId, row.coopId), eq(notifications.id, n.id)));
    mails++;
  }
  return { notifications: made.length, mails };
}

/** The people each audience of the record stands for, asked of the modules that know them. */
async function audienceMembers(tx: Executor, row: AuditRow): Promise<AudienceMembers> {
  const wanted = new Set<Audience>(audiencesOf(row.action));
  const out: Record<Audience, string[]> = { validators: [], accountants: [], holders: [], member: [] };
  if (wanted.has('validators') || wanted.has('accountants')) {
    const people = (await peopleOf(tx, row.coopId)).filter((p) => p.active);
    out.validators = people.filter((p) => p.roles.includes('admin') || p.roles.includes('staff')).map((p) => p.userId);
    out.accountants = people.filter((p) => p.roles.includes('accountant')).map((p) => p.userId);
  }
  const named = namedIdsOf(row.changes);
  if (wanted.has('holders')) {
    const activityIds = new Set(named.activityIds);
    const documentActivity = await activityOfDocument(tx, row);
    if (documentActivity) activityIds.add(documentActivity);
    const holders = await holdersOf(tx, row.coopId, [...activityIds]);
    const memberIds = [...holders.values()].flatMap((list) => list.map((h) => h.memberId));
    out.holders = [...(await userIdsOfMembers(tx, row.coopId, memberIds)).values()];
  }
  if (wanted.has('member')) {
    const memberIds = row.entityType === 'member' ? [row.entityId, ...named.memberIds] : named.memberIds;
    out.member = [...(await userIdsOfMembers(tx, row.coopId, memberIds.filter(isRowId))).values()];
  }
  return out;
}

/** A document's records name it by id only: its activity is asked of the module that owns it. */
async function activityOfDocument(tx: Executor, row: AuditRow): Promise<string | null> {
  if (!isRowId(row.entityId)) return null;
  if (row.entityType === 'invoice') return (await invoiceNumbers(tx, row.coopId, [row.entityId])).get(row.entityId)?.activityId ?? null;
  if (row.entityType === 'quote') return (await quoteNumbers(tx, row.coopId, [row.entityId])).get(row.entityId)?.activityId ?? null;
  return null;
}

async function detailsOf(tx: Executor, row: AuditRow): Promise<NotificationDetails> {
  const labels = isRowId(row.entityId) ? await labelRecords(tx, row.coopId, [{ kind: row.entityType, id: row.entityId }]) : new Map();
  const label = labels.get(refKey(row.entityType, row.entityId));
  const after = Object.fromEntries(Object.entries(row.changes).map(([k, v]) => [k, v.after]));
  const amount = typeof after.amountCents === 'number' ? after.amountCents : typeof after.grossCents === 'number' ? after.grossCents : (label?.amountCents ?? null);
  const actorName = row.actorUserId ? ((await displayNamesOf(tx, [row.actorUserId])).get(row.actorUserId) ?? null) : null;
  return { label: label?.label ?? null, amountCents: amount, actorName };
}

async function mailModesOf(tx: Executor, coopId: string, userIds: string[]): Promise<Map<string, MailMode>> {
  const rows = await tx
    .select({ userId: notificationPreferences.userId, mailMode: notificationPreferences.mailMode })
    .from(notificationPreferences)
    .where(and(eq(notificationPreferences.coopId, coopId), inArray(notificationPreferences.userId, userIds)));
  return new Map(rows.map((r) => [r.userId, r.mailMode]));
}
