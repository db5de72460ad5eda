import { FRANCE_TIME_ZONE } from '../../../platform/calendar/index.js';

/**
 * The mail a participant gets when a session of their group is scheduled or moved: French
 * first, then English (a guest from a partner company has no account, hence no language of
 * their own on file). Pure: times are written in Paris time, where the sessions take place.
 */
export type SessionChange = 'scheduled' | 'rescheduled';

export interface SessionMailInput {
  change: SessionChange;
  recipientName: string;
  coopName: string;
  groupName: string;
  seasonName: string;
  session: { startsAt: Date; durationMinutes: number; place: string };
  /** Where the session was before it moved (only for `rescheduled` when its time changed). */
  previousStartsAt?: Date | null;
  /** The guest's own page (guests only: members reach their group from the app). */
  guestLink?: string | null;
}

const when = (d: Date, locale: 'fr-FR' | 'en-GB') => new Intl.DateTimeFormat(locale, { timeZone: FRANCE_TIME_ZONE, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(d);

export function sessionMail(m: SessionMailInput): { subject: string; text: string } {
  const moved = m.change === 'rescheduled';
  const group = `${m.groupName} (${m.seasonName})`;
  const subject = moved ? `Séance de workclub modifiée / Workclub session changed — ${m.groupName}` : `Nouvelle séance de workclub / New workclub session — ${m.groupName}`;
  const fr = [
    `Bonjour ${m.recipientName},`,
    '',
    moved ? `Une séance de votre workclub ${group} a changé${m.previousStartsAt ? ` (elle était prévue le ${when(m.previousStartsAt, 'fr-FR')})` : ''} :` : `${m.coopName} a programmé une séance de votre workclub ${group} :`,
    `  ${when(m.session.startsAt, 'fr-FR')} (heure de Paris), ${m.session.durationMinutes} min`,
    `  ${m.session.place}`,
    '',
    moved ? 'Le fichier .ics joint met à jour la séance dans votre agenda.' : 'Le fichier .ics joint ajoute les séances du groupe à votre agenda.',
    ...(m.guestLink ? ['', 'Votre page de groupe (lien personnel) :', m.guestLink] : []),
  ];
  const en = [
    `Hello ${m.recipientName},`,
    '',
    moved ? `A session of your workclub ${group} has changed${m.previousStartsAt ? ` (it was planned on ${when(m.previousStartsAt, 'en-GB')})` : ''}:` : `${m.coopName} has scheduled a session of your workclub ${group}:`,
    `  ${when(m.session.startsAt, 'en-GB')} (Paris time), ${m.session.durationMinutes} min`,
    `  ${m.session.place}`,
    '',
    moved ? 'The attached .ics file updates the session in your calendar.' : "The attached .ics file adds the group's sessions to your calendar.",
    ...(m.guestLink ? ['', 'Your group page (personal link):', m.guestLink] : []),
  ];
  return { subject, text: [...fr, '', '—', '', ...en, ''].join('\n') };
}
