import { describe, expect, it } from 'vitest';
import { sessionMail } from './session-mail.js';

const base = { recipientName: 'Inès', coopName: 'Coop', groupName: 'A', seasonName: 'Automne', session: { startsAt: new Date('2026-10-12T07:30:00Z'), durationMinutes: 90, place: 'Salle Jaurès' } };

describe('the mail of a scheduled or moved workclub session', () => {
  it('gives the time in Paris time, in French then in English', () => {
    const { subject, text } = sessionMail({ ...base, change: 'scheduled' });
    expect(subject).toContain('Nouvelle séance');
    expect(text).toContain('09:30');
    expect(text.indexOf('Bonjour')).toBeLessThan(text.indexOf('Hello'));
    expect(text).toContain('Salle Jaurès');
    expect(text).not.toContain('lien personnel');
  });

  it('a moved session names its former time; a guest gets their page link', () => {
    const { subject, text } = sessionMail({ ...base, change: 'rescheduled', previousStartsAt: new Date('2026-10-05T07:30:00Z'), guestLink: 'https://x/workclubs/guest/t' });
    expect(subject).toContain('modifiée');
    expect(text).toContain('5 octobre 2026');
    expect(text).toContain('https://x/workclubs/guest/t');
  });
});
