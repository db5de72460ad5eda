import { and, eq, gte, inArray, isNull, lte, sql } from 'drizzle-orm';
import { recordAudit, type AuditActor } from '../../platform/audit/record-audit.js';
import { peopleOf } from '../../platform/auth/service.js';
import type { Db, Executor } from '../../platform/db/client.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import { latestDeclaredRevenues, memberCompanyIdentities, memberIdsOfTypes } from '../members/index.js';
import { formatEuros, formatFrenchDate } from '../documents/index.js';
import type { IndependenceView } from './contract.js';
import { alertMove, rollingYearStart, volumeRatioBp } from './domain/independence.js';
import { getIndependentsSettings } from './independents-settings.js';
import { independenceAlerts, memberInvoices } from './schema.js';

/** Invoices that count in the volume: the ones the coop accepted (validated, then paid). */
const COUNTED = ['validated', 'paid'] as const;

/** A member's invoices to the coop over the 12 months ending today, excluding VAT. */
async function volumeOf(db: Executor, coopId: string, memberId: string, today: string): Promise<{ from: string; volumeCents: number; months: { month: string; netCents: number }[] }> {
  const from = rollingYearStart(today);
  const rows = await db
    .select({ month: sql<string>`to_char(${memberInvoices.issueDate}, 'YYYY-MM')`, netCents: sql<number>`sum(${memberInvoices.netCents})`.mapWith(Number) })
    .from(memberInvoices)
    .where(
      and(
        eq(memberInvoices.coopId, coopId),
        eq(memberInvoices.memberId, memberId),
        inArray(memberInvoices.status, [...COUNTED]),
        gte(memberInvoices.issueDate, from),
        lte(memberInvoices.issueDate, today),
      ),
    )
    .groupBy(sql`1`)
    .orderBy(sql`1`);
  return { from, volumeCents: rows.reduce((s, r) => s + r.netCents, 0), months: rows };
}

async function openAlertOf(db: Executor, coopId: string, memberId: string, lock = false) {
  const query = db
    .select()
    .from(independenceAlerts)
    .where(and(eq(independenceAlerts.coopId, coopId), eq(independenceAlerts.memberId, memberId), isNull(independenceAlerts.clearedAt)));
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

/** What the member page shows: volume over 12 months, the declared revenue, the ratio and the alert. */
export async function independenceOf(db: Executor, coopId: string, memberId: string, today: string): Promise<IndependenceView> {
  const [{ from, volumeCents, months }, declared, settings, alert] = await Promise.all([
    volumeOf(db, coopId, memberId, today),
    latestDeclaredRevenues(db, coopId, [memberId]).then((m) => m.get(memberId) ?? null),
    getIndependentsSettings(db, coopId),
    openAlertOf(db, coopId, memberId),
  ]);
  return {
    memberId,
    from,
    to: today,
    volumeCents,
    declaredRevenueCents: declared?.revenueCents ?? null,
    declaredYear: declared?.year ?? null,
    ratioBp: volumeRatioBp(volumeCents, declared?.revenueCents ?? null),
    thresholdBp: settings.thresholdBp,
    alert: alert ? { crossedAt: alert.crossedAt, ratioBp: alert.ratioBp } : null,
    months,
  };
}

const percent = (bp: number) => `${(bp / 100).toLocaleString('fr-FR', { maximumFractionDigits: 2 })} %`;

/**
 * Compares a member's volume with their declared revenue, in the caller's transaction, and
 * opens or clears their alert: a crossing opens one alert, audited and mailed to the member
 * and to the staff (their advisor, else the coop's team), and nothing more is sent while the
 * member stays above; back under, the alert is cleared so the next crossing warns again.
 * The open alert is read locked, and the database holds at most one open alert per member.
 */
export async function checkIndependence(tx: Executor, actor: AuditActor, memberId: string, today: string): Promise<'open' | 'clear' | 'none'> {
  const coopId = actor.coopId;
  const open = await openAlertOf(tx, coopId, memberId, true);
  const view = await independenceOf(tx, coopId, memberId, today);
  const move = alertMove(view.ratioBp, view.thresholdBp, open !== null);
  if (move === 'clear') {
    await tx.update(independenceAlerts).set({ clearedAt: new Date() }).where(and(eq(independenceAlerts.coopId, coopId), eq(independenceAlerts.id, open!.id)));
    return move;
  }
  if (move !== 'open') return move;
  const inserted = await tx
    .insert(independenceAlerts)
    .values({ coopId, memberId, ratioBp: view.ratioBp!, volumeCents: view.volumeCents, declaredRevenueCents: view.declaredRevenueCents! })
    .onConflictDoNothing()
    .returning({ id: independenceAlerts.id });
  // Another transaction opened it first: it warned, this one does not.
  if (inserted.length === 0) return 'none';
  await recordAudit(tx, actor, {
    action: 'independence.threshold_crossed',
    entityType: 'member',
    entityId: memberId,
    after: { memberId, alertId: inserted[0]!.id, ratioBp: view.ratioBp, thresholdBp: view.thresholdBp, volumeCents: view.volumeCents, declaredRevenueCents: view.declaredRevenueCents },
  });
  const member = (await memberCompanyIdentities(tx, coopId, [memberId])).get(memberId)!;
  const people = await peopleOf(tx, coopId);
  const advisor = people.find((p) => p.userId === member.advisorUserId && p.active);
  const team = advisor ? [advisor] : people.filter((p) => p.active && (p.roles.includes('admin') || p.roles.includes('staff')));
  const facts = `Sur les 12 derniers mois (du ${formatFrenchDate(view.from)} au ${formatFrenchDate(view.to)}), le volume facturé à la coopérative est de ${formatEuros(view.volumeCents)} HT, soit ${percent(view.ratioBp!)} du chiffre d'affaires déclaré pour ${view.declaredYear} (${formatEuros(view.declaredRevenueCents!)}). Le seuil fixé par la coopérative est de ${percent(view.thresholdBp)}.`;
  await enqueueMail(tx, {
    coopId,
    to: member.email,
    subject: 'Votre activité avec la coopérative a dépassé le seuil d’indépendance',
    text: `Bonjour ${member.name},\n\n${facts}\n\nAu-delà de ce seuil, votre activité dépend fortement de la coopérative, ce qui peut faire requalifier la relation en salariat déguisé. Votre conseiller·ère vous contactera pour en parler.\n`,
    template: 'independence.threshold_crossed.member',
  });
  for (const person of team) {
    await enqueueMail(tx, {
      coopId,
      to: person.email,
      subject: `${member.name} a dépassé le seuil d’indépendance`,
      text: `Bonjour ${person.displayName},\n\n${member.name} : ${facts}\n\nRisque de salariat déguisé : un échange avec le membre est recommandé.\n`,
      template: 'independence.threshold_crossed.staff',
    });
  }
  return move;
}

/** The daily check of every watched member of a coop, each in its own short transaction. */
export async function checkIndependenceOfCoop(db: Db, coopId: string, today: string): Promise<{ opened: number; cleared: number }> {
  const ids = new Set(await memberIdsOfTypes(db, coopId, ['independent']));
  // Members with an open alert are checked too, even if they changed type or left, so it clears.
  const open = await db.select({ memberId: independenceAlerts.memberId }).from(independenceAlerts).where(and(eq(independenceAlerts.coopId, coopId), isNull(independenceAlerts.clearedAt)));
  for (const r of open) ids.add(r.memberId);
  const result = { opened: 0, cleared: 0 };
  for (const memberId of ids) {
    const move = await db.transaction((tx) => checkIndependence(tx, { coopId, userId: null }, memberId, today));
    if (move === 'open') result.opened++;
    if (move === 'clear') result.cleared++;
  }
  return result;
}
