/**
 * The words of notification mails, French and English. Pure: the mail is composed from what
 * the notification holds, the person's language and the app's address, nothing read here.
 */
export type Locale = 'fr' | 'en';

export interface NotificationForText {
  id: string;
  action: string;
  entityType: string;
  entityId: string;
  label: string | null;
  amountCents: number | null;
  actorName: string | null;
}

type Phrase = (what: string) => string;

const FR: Record<string, Phrase> = {
  'invoice.submitted': (w) => `Facture ${w} à valider`,
  'quote.submitted': (w) => `Devis ${w} à valider`,
  'salary.requested': (w) => `Demande de salaire ${w} à valider`,
  'advance.requested': (w) => `Demande d'avance ${w} à valider`,
  'expense_report.submitted': (w) => `Note de frais ${w} à valider`,
  'expense_report.returned': (w) => `Note de frais ${w} renvoyée pour modification`,
  'expense_report.validated': (w) => `Note de frais ${w} validée`,
  'expense_report.paid': (w) => `Note de frais ${w} remboursée`,
  'expense_advance.paid': (w) => `Avance sur frais ${w} versée`,
  'member_invoice.received': (w) => `Facture de membre ${w} reçue`,
  'invoice.validated': (w) => `Facture ${w} validée`,
  'invoice.sent_back': (w) => `Facture ${w} renvoyée pour correction`,
  'invoice.payment_applied': (w) => `Paiement reçu sur la facture ${w}`,
  'quote.validated': (w) => `Devis ${w} validé`,
  'quote.sent_back': (w) => `Devis ${w} renvoyé pour correction`,
  'quote.accepted': (w) => `Devis ${w} accepté par le client`,
  'quote.refused': (w) => `Devis ${w} refusé par le client`,
  'salary.validated': (w) => `Salaire ${w} validé`,
  'salary.refused': (w) => `Salaire ${w} refusé`,
  'advance.approved': (w) => `Avance ${w} accordée`,
  'advance.refused': (w) => `Avance ${w} refusée`,
  'advance.paid': (w) => `Avance ${w} versée`,
  'advance.settled': (w) => `Avance ${w} soldée`,
  'advance.written_off': (w) => `Avance ${w} passée en perte`,
  'loan.granted': (w) => `Prêt ${w} accordé`,
  'commission.posted': (w) => `Commission d'apport ${w} reçue`,
  'job.created': (w) => `Vous participez à l'affaire ${w}`,
  'member_invoice.paid': (w) => `Facture de membre ${w} payée`,
  'member_fee.billed': (w) => `Cotisation ${w} facturée`,
  'member_fee.returned': (w) => `Prélèvement de la cotisation ${w} rejeté`,
  'independence.threshold_crossed': (w) => `Seuil d'indépendance franchi ${w}`,
  'member.bank_details_changed': (w) => `Coordonnées bancaires du membre ${w} modifiées`,
  'bank_statement.imported': (w) => `Relevé bancaire ${w} importé : lignes à rapprocher`,
};

const EN: Record<string, Phrase> = {
  'invoice.submitted': (w) => `Invoice ${w} to validate`,
  'quote.submitted': (w) => `Quote ${w} to validate`,
  'salary.requested': (w) => `Salary request ${w} to validate`,
  'advance.requested': (w) => `Advance request ${w} to validate`,
  'expense_report.submitted': (w) => `Expense report ${w} to validate`,
  'expense_report.returned': (w) => `Expense report ${w} returned for changes`,
  'expense_report.validated': (w) => `Expense report ${w} validated`,
  'expense_report.paid': (w) => `Expense report ${w} refunded`,
  'expense_advance.paid': (w) => `Expense advance ${w} paid`,
  'member_invoice.received': (w) => `Member invoice ${w} received`,
  'invoice.validated': (w) => `Invoice ${w} validated`,
  'invoice.sent_back': (w) => `Invoice ${w} sent back for correction`,
  'invoice.payment_applied': (w) => `Payment received on invoice ${w}`,
  'quote.validated': (w) => `Quote ${w} validated`,
  'quote.sent_back': (w) => `Quote ${w} sent back for correction`,
  'quote.accepted': (w) => `Quote ${w} accepted by the client`,
  'quote.refused': (w) => `Quote ${w} refused by the client`,
  'salary.validated': (w) => `Salary ${w} validated`,
  'salary.refused': (w) => `Salary ${w} refused`,
  'advance.approved': (w) => `Advance ${w} approved`,
  'advance.refused': (w) => `Advance ${w} refused`,
  'advance.paid': (w) => `Advance ${w} paid`,
  'advance.settled': (w) => `Advance ${w} settled`,
  'advance.written_off': (w) => `Advance ${w} written off`,
  'loan.granted': (w) => `Loan ${w} granted`,
  'commission.posted': (w) => `Deal bringer commission ${w} received`,
  'job.created': (w) => `You take part in job ${w}`,
  'member_invoice.paid': (w) => `Member invoice ${w} paid`,
  'member_fee.billed': (w) => `Membership fee ${w} billed`,
  'member_fee.returned': (w) => `Direct debit of fee ${w} returned`,
  'independence.threshold_crossed': (w) => `Independence threshold crossed ${w}`,
  'member.bank_details_changed': (w) => `Bank details of member ${w} changed`,
  'bank_statement.imported': (w) => `Bank statement ${w} imported: lines to reconcile`,
};

export function formatCents(cents: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { style: 'currency', currency: 'EUR' })
    .format(cents / 100)
    .replace(/\u202f|\u00a0/g, ' ');
}

/** One line: what happened, to which document, for how much, by whom. */
export function notificationTitle(n: NotificationForText, locale: Locale): string {
  const phrases = locale === 'fr' ? FR : EN;
  const what = [n.label, n.amountCents !== null ? `(${formatCents(n.amountCents, locale)})` : null].filter(Boolean).join(' ');
  const phrase = phrases[n.action];
  const title = phrase ? phrase(what).replace(/\s+/g, ' ').replace(/\s+([:)])/g, '$1').trim() : `${n.action} ${what}`.trim();
  if (!n.actorName) return title;
  return locale === 'fr' ? `${title} — par ${n.actorName}` : `${title} — by ${n.actorName}`;
}

/** Where the app shows the notification; it opens the document and marks it read. */
export function notificationLink(publicUrl: string, n: { id: string }): string {
  return `${publicUrl}/notifications/${n.id}`;
}

export interface MailText {
  subject: string;
  text: string;
}

export function notificationMail(n: NotificationForText, ctx: { locale: Locale; coopName: string; publicUrl: string }): MailText {
  const title = notificationTitle(n, ctx.locale);
  const link = notificationLink(ctx.publicUrl, n);
  const settings = `${ctx.publicUrl}/notifications`;
  return ctx.locale === 'fr'
    ? {
        subject: `[${ctx.coopName}] ${title}`,
        text: `Bonjour,\n\n${title}.\n\nPour le voir : ${link}\n\nVous recevez ce message car vos préférences demandent un mail par notification. Pour les changer : ${settings}\n`,
      }
    : {
        subject: `[${ctx.coopName}] ${title}`,
        text: `Hello,\n\n${title}.\n\nTo see it: ${link}\n\nYou receive this message because your preferences ask for one mail per notification. To change them: ${settings}\n`,
      };
}

/** The day's digest: every notification not yet read nor mailed, oldest first. */
export function digestMail(items: NotificationForText[], ctx: { locale: Locale; coopName: string; publicUrl: string; day: string }): MailText {
  const lines = items.map((n) => `- ${notificationTitle(n, ctx.locale)}\n  ${notificationLink(ctx.publicUrl, n)}`).join('\n');
  const settings = `${ctx.publicUrl}/notifications`;
  const [y, m, d] = ctx.day.split('-');
  return ctx.locale === 'fr'
    ? {
        subject: `[${ctx.coopName}] ${items.length === 1 ? '1 nouvelle notification' : `${items.length} nouvelles notifications`} — ${d}/${m}/${y}`,
        text: `Bonjour,\n\nVoici ce qui vous attend ou s'est passé sur vos documents :\n\n${lines}\n\nToutes vos notifications : ${ctx.publicUrl}/notifications\nVous recevez ce résumé une fois par jour. Pour changer vos préférences : ${settings}\n`,
      }
    : {
        subject: `[${ctx.coopName}] ${items.length === 1 ? '1 new notification' : `${items.length} new notifications`} — ${ctx.day}`,
        text: `Hello,\n\nHere is what waits for you or happened to your documents:\n\n${lines}\n\nAll your notifications: ${ctx.publicUrl}/notifications\nYou receive this digest once a day. To change your preferences: ${settings}\n`,
      };
}

/** The digest leaves at the first run after this hour (Paris), so it reaches people in the morning. */
export const DIGEST_HOUR = 7;

/** Whether the day's digest may leave, given the time in Paris ('HH' of the local hour). */
export function isDigestDue(parisHour: number): boolean {
  return parisHour >= DIGEST_HOUR;
}
