/** The member's language (their account's), French when they have none. */
export type MailLocale = 'fr' | 'en';

export interface MailedSlot {
  resourceName: string;
  siteName: string;
  /** The site's zone: the member reads the time of the place they will go to. */
  timeZone: string;
  startsAt: Date;
  endsAt: Date;
}

export interface BookingMailText {
  subject: string;
  text: string;
}

/** "jeudi 4 février 2027, 09:00 – 11:00" in the site's zone (the end's date too when it differs). */
export function slotWhen(slot: Pick<MailedSlot, 'timeZone' | 'startsAt' | 'endsAt'>, locale: MailLocale): string {
  const tag = locale === 'fr' ? 'fr-FR' : 'en-GB';
  const day = new Intl.DateTimeFormat(tag, { timeZone: slot.timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  const time = new Intl.DateTimeFormat(tag, { timeZone: slot.timeZone, hour: '2-digit', minute: '2-digit' });
  const sameDay = day.format(slot.startsAt) === day.format(slot.endsAt);
  return `${day.format(slot.startsAt)}, ${time.format(slot.startsAt)} – ${sameDay ? '' : `${day.format(slot.endsAt)}, `}${time.format(slot.endsAt)}`;
}

const lines = (slots: readonly MailedSlot[], locale: MailLocale) => slots.map((s) => `- ${slotWhen(s, locale)}`).join('\n');

/**
 * The confirmation of one booking, or of a weekly series (one mail listing its dates, the
 * attached .ics holds one event per date so the calendar adds them all at once).
 */
export function bookingConfirmedMail(input: { locale: MailLocale; personName: string; slots: readonly MailedSlot[] }): BookingMailText {
  const first = input.slots[0]!;
  const place = `${first.resourceName} (${first.siteName})`;
  const series = input.slots.length > 1;
  if (input.locale === 'en') {
    return {
      subject: series ? `Bookings confirmed: ${first.resourceName}, ${input.slots.length} dates` : `Booking confirmed: ${first.resourceName}, ${slotWhen(first, 'en')}`,
      text: `Hello ${input.personName},\n\n${series ? `Your weekly bookings of ${place} are confirmed:` : `Your booking of ${place} is confirmed:`}\n${lines(input.slots, 'en')}\n\nTimes are those of the site. The attached invitation (.ics file) adds ${series ? 'them' : 'it'} to your calendar.\n`,
    };
  }
  return {
    subject: series ? `Réservations confirmées : ${first.resourceName}, ${input.slots.length} dates` : `Réservation confirmée : ${first.resourceName}, ${slotWhen(first, 'fr')}`,
    text: `Bonjour ${input.personName},\n\n${series ? `Vos réservations hebdomadaires de ${place} sont confirmées :` : `Votre réservation de ${place} est confirmée :`}\n${lines(input.slots, 'fr')}\n\nLes heures sont celles du lieu. L'invitation jointe (fichier .ics) ${series ? 'les ajoute' : "l'ajoute"} à votre agenda.\n`,
  };
}

/** The cancellation of a booking, with the fee when one is due, and the .ics that removes it. */
export function bookingCancelledMail(input: { locale: MailLocale; personName: string; slot: MailedSlot; feeText: string | null }): BookingMailText {
  const when = slotWhen(input.slot, input.locale);
  if (input.locale === 'en') {
    return {
      subject: `Booking cancelled: ${input.slot.resourceName}, ${when}`,
      text: `Hello ${input.personName},\n\nYour booking of ${input.slot.resourceName} (${input.slot.siteName}) on ${when} is cancelled.${input.feeText ? ` A cancellation fee of ${input.feeText} excl. VAT applies.` : ''}\n\nThe attached file (.ics) removes it from your calendar.\n`,
    };
  }
  return {
    subject: `Réservation annulée : ${input.slot.resourceName}, ${when}`,
    text: `Bonjour ${input.personName},\n\nVotre réservation de ${input.slot.resourceName} (${input.slot.siteName}) le ${when} est annulée.${input.feeText ? ` Des frais d'annulation de ${input.feeText} HT s'appliquent.` : ''}\n\nLe fichier joint (.ics) la retire de votre agenda.\n`,
  };
}

/**
 * A slot the member waited for is free again. They are not booked: the first to book it has
 * it (first come, first served), so the mail says so and gives the link.
 */
export function waitlistNotifiedMail(input: { locale: MailLocale; personName: string; slot: MailedSlot; link: string }): BookingMailText {
  const when = slotWhen(input.slot, input.locale);
  if (input.locale === 'en') {
    return {
      subject: `Slot free again: ${input.slot.resourceName}, ${when}`,
      text: `Hello ${input.personName},\n\nThe slot you were waiting for is free again: ${input.slot.resourceName} (${input.slot.siteName}), ${when}.\n\nIt is not booked for you: the first member to book it gets it. To book it:\n${input.link}\n`,
    };
  }
  return {
    subject: `Créneau libéré : ${input.slot.resourceName}, ${when}`,
    text: `Bonjour ${input.personName},\n\nLe créneau que vous attendiez vient de se libérer : ${input.slot.resourceName} (${input.slot.siteName}), ${when}.\n\nIl n'est pas réservé pour vous : le premier membre qui le réserve l'obtient. Pour le réserver :\n${input.link}\n`,
  };
}
