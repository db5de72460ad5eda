import type { Executor } from '../../platform/db/client.js';
import { FRANCE_TIME_ZONE } from '../../platform/calendar/index.js';
import { sha256Of, type FileStorage } from '../../platform/files/storage.js';
import { enqueueJob } from '../../platform/jobs/enqueue-job.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import { coopNames } from '../coops/index.js';
import { memberContacts, memberNames } from '../members/index.js';
import { reminderSchedule } from './domain/reminder-schedule.js';
import { icsFileName, renderEventIcs } from './render-event-ics.js';
import type { EventRow, RegistrationRow } from './schema.js';

export const SEND_EVENT_REMINDER = 'events.send_reminder';

const when = (d: Date) => new Intl.DateTimeFormat('fr-FR', { timeZone: FRANCE_TIME_ZONE, weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' }).format(d);

/** Where a registration's mails go: the member's address in the member file, or the guest's. */
export async function recipientOf(tx: Executor, coopId: string, reg: Pick<RegistrationRow, 'memberId' | 'guestName' | 'guestEmail'>): Promise<{ name: string; email: string } | null> {
  if (reg.memberId) return (await memberContacts(tx, coopId, [reg.memberId])).get(reg.memberId) ?? null;
  return reg.guestEmail && reg.guestName ? { name: reg.guestName, email: reg.guestEmail } : null;
}

export async function hostNameOf(tx: Executor, event: Pick<EventRow, 'coopId' | 'hostMemberId' | 'hostName'>): Promise<string | null> {
  if (event.hostMemberId) return (await memberNames(tx, event.coopId, [event.hostMemberId])).get(event.hostMemberId) ?? null;
  return event.hostName;
}

/**
 * Writes the event's .ics to the file storage and returns it as a mail attachment. The key is
 * the content's hash: the same version of the event is stored once however many register, and
 * a file left by a rolled-back transaction is harmless (no row points to it).
 */
export async function storeEventIcs(tx: Executor, storage: FileStorage, event: EventRow) {
  const coopName = (await coopNames(tx, [event.coopId])).get(event.coopId) ?? '';
  const bytes = Buffer.from(renderEventIcs(event, { hostName: await hostNameOf(tx, event), coopName }), 'utf8');
  const sha256 = sha256Of(bytes);
  const storageKey = `events/${event.coopId}/${event.id}/${sha256}.ics`;
  await storage.put(storageKey, bytes);
  return { filename: icsFileName(event), contentType: 'text/calendar; charset=utf-8; method=PUBLISH', storageKey, sha256 };
}

/**
 * Tells the person where their registration stands, in the registration's transaction: a
 * confirmed place comes with the event's .ics and its reminders queued as durable jobs (the day
 * before at 9:00 Paris and one hour before); a place on the waiting list with its rank.
 */
export async function announceRegistration(tx: Executor, storage: FileStorage, event: EventRow, reg: RegistrationRow, now: Date, reason: 'registered' | 'promoted'): Promise<void> {
  const to = await recipientOf(tx, event.coopId, reg);
  if (!to) return;
  const where = event.place ?? event.onlineUrl ?? '';
  if (reg.status === 'confirmed') {
    const ics = await storeEventIcs(tx, storage, event);
    const head = reason === 'promoted' ? `Bonne nouvelle : une place s'est libérée, vous passez de la liste d'attente à la liste des inscrits.` : `Votre inscription est confirmée.`;
    await enqueueMail(tx, {
      coopId: event.coopId,
      to: to.email,
      subject: `Inscription confirmée : ${event.title}`,
      text: `Bonjour ${to.name},\n\n${head}\n\n${event.title}\n${when(event.startsAt)}${where ? `\n${where}` : ''}\n\nL'invitation est jointe (fichier .ics) pour l'ajouter à votre agenda. Un rappel vous sera envoyé la veille et une heure avant.\n`,
      template: reason === 'promoted' ? 'event_registration_promoted' : 'event_registration_confirmed',
      attachments: [ics],
    });
    for (const r of reminderSchedule(event.startsAt, now)) {
      await enqueueJob(tx, { coopId: event.coopId, kind: SEND_EVENT_REMINDER, payload: { registrationId: reg.id, kind: r.kind, startsAt: event.startsAt.toISOString() }, runAfter: r.at });
    }
  } else if (reg.status === 'waiting') {
    await enqueueMail(tx, {
      coopId: event.coopId,
      to: to.email,
      subject: `Liste d'attente : ${event.title}`,
      text: `Bonjour ${to.name},\n\n${event.title} (${when(event.startsAt)}) est complet. Vous êtes en position ${reg.waitingPosition} sur la liste d'attente : si une place se libère, vous serez inscrit automatiquement et prévenu par e-mail avec l'invitation.\n`,
      template: 'event_registration_waiting',
    });
  }
}

/** Tells one registered person that the event moved (time or place), with the updated .ics. */
export async function announceChange(tx: Executor, storage: FileStorage, event: EventRow, reg: Pick<RegistrationRow, 'memberId' | 'guestName' | 'guestEmail'>): Promise<void> {
  const to = await recipientOf(tx, event.coopId, reg);
  if (!to) return;
  const where = event.place ?? event.onlineUrl ?? '';
  await enqueueMail(tx, {
    coopId: event.coopId,
    to: to.email,
    subject: `Évènement modifié : ${event.title}`,
    text: `Bonjour ${to.name},\n\nL'évènement auquel vous êtes inscrit a changé :\n\n${event.title}\n${when(event.startsAt)}${where ? `\n${where}` : ''}\n\nL'invitation mise à jour est jointe (fichier .ics) : votre agenda déplacera l'évènement.\n`,
    template: 'event_updated',
    attachments: [await storeEventIcs(tx, storage, event)],
  });
}

/** Tells the registered people that the event is cancelled, with the cancelled .ics so their calendar drops it. */
export async function announceCancellation(tx: Executor, storage: FileStorage, event: EventRow, regs: RegistrationRow[]): Promise<void> {
  if (regs.length === 0) return;
  const ics = await storeEventIcs(tx, storage, event);
  for (const reg of regs) {
    const to = await recipientOf(tx, event.coopId, reg);
    if (!to) continue;
    await enqueueMail(tx, {
      coopId: event.coopId,
      to: to.email,
      subject: `Annulé : ${event.title}`,
      text: `Bonjour ${to.name},\n\n${event.title}, prévu ${when(event.startsAt)}, est annulé. Le fichier joint le retire de votre agenda.\n`,
      template: 'event_cancelled',
      attachments: [ics],
    });
  }
}
