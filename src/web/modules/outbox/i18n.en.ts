import type { Translation } from '../../i18n/translation';
import type { fr } from './i18n.fr';

// The outbox module's strings in English: the same keys as i18n.fr.ts, checked by its type.
export const en: Translation<typeof fr> = {
  title: 'Outbox',
  intro: 'The emails sent on behalf of the cooperative. As long as no SMTP server is configured, they stay here.',
  filters: {
    status: 'State',
    to: 'Recipient',
    any: 'All',
  },
  columns: {
    to: 'Recipient',
    subject: 'Subject',
    template: 'Template',
    status: 'State',
    date: 'Date',
  },
  status: {
    queued: 'Queued',
    sent: 'Sent',
    failed: 'Failed',
  },
  templates: {
    resource_booking: {
      confirmed: 'Booking confirmed (with .ics invitation)',
      series_confirmed: 'Weekly bookings confirmed (with .ics invitation)',
      cancelled: 'Booking cancelled (with .ics cancellation)',
    },
    resource_waitlist: {
      notified: 'Slot freed (waiting list)',
    },
    event_registration_confirmed: 'Event registration confirmed',
    event_registration_promoted: 'A place came free: registration confirmed',
    event_updated: 'Event changed (updated invitation)',
    event_registration_waiting: 'Event registration on the waiting list',
    event_cancelled: 'Event cancelled',
    event_reminder: 'Event reminder',
    workclub: {
      guest_invited: 'Workclub invitation (outside participant)',
      guest_reinvited: 'New workclub invitation (new link)',
      session_scheduled: 'Workclub session scheduled (with .ics)',
      session_rescheduled: 'Workclub session changed (with .ics)',
    },
    fees: {
      prenotification: 'SEPA direct debit pre-notification',
    },
    independence: {
      threshold_crossed: {
        member: 'Independence threshold crossed (to the member)',
        staff: 'Independence threshold crossed (to the team)',
      },
    },
    notification: {
      each: 'Notification',
      digest: 'Daily digest of notifications',
    },
    invitation: 'Invitation',
    access_granted: 'Access granted',
    choose_password: 'Access granted (password to choose)',
    password_reset: 'Password reset',
    dunning_reminder: 'Payment reminder',
    dunning_formal_notice: 'Formal notice',
    dunning_formal_notice_pending: 'Formal notice waiting (to the member)',
    quote: {
      sent: 'Quote',
    },
    invoice: {
      sent: 'Invoice',
    },
    credit_note: {
      sent: 'Credit note',
    },
  },
  empty: 'No email.',
  open: 'Read the email',
  openSubject: 'Read the email "{{subject}}"',
  detail: {
    to: 'To',
    createdAt: 'Created on',
    sentAt: 'Sent on',
    attempts: 'Attempts',
    lastError: 'Last error',
    attachments: 'Attachments',
  },
};
