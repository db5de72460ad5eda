import { describe, expect, it } from 'vitest';
import { bookingConfirmedMail, slotWhen, waitlistNotifiedMail } from './booking-mail.js';

const slot = (startsAt: string, endsAt: string) => ({ resourceName: 'Camionnette', siteName: 'Garage', timeZone: 'Europe/Paris', startsAt: new Date(startsAt), endsAt: new Date(endsAt) });

describe('booking mails', () => {
  it('tell the time of the site, on either side of the spring change of time', () => {
    expect(slotWhen(slot('2027-03-27T08:00:00Z', '2027-03-27T10:00:00Z'), 'fr')).toBe('samedi 27 mars 2027, 09:00 – 11:00');
    expect(slotWhen(slot('2027-03-28T07:00:00Z', '2027-03-28T09:00:00Z'), 'fr')).toBe('dimanche 28 mars 2027, 09:00 – 11:00');
    // ICU versions differ on the comma after the weekday in English.
    expect(slotWhen(slot('2027-03-28T07:00:00Z', '2027-03-28T09:00:00Z'), 'en')).toMatch(/^Sunday,? 28 March 2027, 09:00 – 11:00$/);
  });

  it('a series lists each of its dates in one mail, in the member’s language', () => {
    const fr = bookingConfirmedMail({ locale: 'fr', personName: 'Mia', slots: [slot('2027-03-21T08:00:00Z', '2027-03-21T09:00:00Z'), slot('2027-03-28T07:00:00Z', '2027-03-28T08:00:00Z')] });
    expect(fr.subject).toBe('Réservations confirmées : Camionnette, 2 dates');
    expect(fr.text.match(/^- .*09:00 – 10:00$/gm)).toHaveLength(2);
    const en = bookingConfirmedMail({ locale: 'en', personName: 'Mia', slots: [slot('2027-03-21T08:00:00Z', '2027-03-21T09:00:00Z')] });
    expect(en.subject).toMatch(/^Booking confirmed: Camionnette, Sunday,? 21 March 2027, 09:00 – 10:00$/);
  });

  it('the freed-slot mail says the slot is not booked for the member and gives the link', () => {
    const m = waitlistNotifiedMail({ locale: 'fr', personName: 'Ben', slot: slot('2027-03-28T07:00:00Z', '2027-03-28T08:00:00Z'), link: 'https://x.test/resources?resource=r&date=2027-03-28' });
    expect(m.text).toContain("n'est pas réservé pour vous");
    expect(m.text).toContain('https://x.test/resources?resource=r&date=2027-03-28');
  });
});
