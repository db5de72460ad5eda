import { signLink } from '../../platform/auth/signed-links.js';
import { and, eq } from 'drizzle-orm';
import type { Db, Executor } from '../../platform/db/client.js';
import type { FileStorage } from '../../platform/files/storage.js';
import type { Actor } from '../../platform/http/context.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import { activitySummaries, holdersOf } from '../activities/index.js';
import { clientIdentityForDocument } from '../clients/index.js';
import { getCoop } from '../coops/index.js';
import { memberContacts } from '../members/index.js';
import { decideQuoteTransition } from './domain/quote-lifecycle.js';
import { formatEuros, formatFrenchDate } from '../documents/index.js';
import { portalLinkExpiry, portalSubject, QUOTE_PORTAL_PURPOSE } from './domain/portal-link.js';
import { quoteErrors } from './errors.js';
import { applyQuoteAction } from './move-quote.js';
import { quotePdfFileName, storeSentQuotePdf } from './quote-pdf.js';
import { visibleQuote } from './quote-access.js';
import { refusalError, roleOf } from './quote-refusals.js';
import { quotes, type QuoteRow } from './schema.js';
import { quotesSettingsOf } from './quotes-settings.js';

/** The mail a quote leaves with; the preview shows it with the link's place, the send with the link. */
interface QuoteMailDraft {
  to: string;
  memberAddress: string | null;
  subject: string;
  text: string;
  attachmentName: string;
}

async function composeQuoteMail(tx: Executor, actor: Actor, row: QuoteRow, link: string): Promise<QuoteMailDraft> {
  const client = await clientIdentityForDocument(tx, actor.coopId, row.clientId);
  if (!client?.email) throw quoteErrors.QUOTE_CLIENT_WITHOUT_EMAIL();
  const coop = await getCoop(tx, actor.coopId);
  const activity = (await activitySummaries(tx, actor.coopId, [row.activityId])).get(row.activityId);
  const holder = (await holdersOf(tx, actor.coopId, [row.activityId])).get(row.activityId)?.[0];
  const member = holder ? (await memberContacts(tx, actor.coopId, [holder.memberId])).get(holder.memberId) : undefined;
  const text = [
    'Bonjour,',
    '',
    `Veuillez trouver notre devis ${row.number} (${activity?.name ?? coop.name}) d'un montant de ${formatEuros(row.grossCents)} TTC, valable jusqu'au ${formatFrenchDate(row.validUntil)}.`,
    '',
    'Vous pouvez le consulter, puis l’accepter ou le refuser en ligne à cette adresse :',
    link,
    '',
    'Cordialement,',
    coop.name,
  ].join('\n');
  return { to: client.email, memberAddress: member?.email ?? null, subject: `Devis ${row.number} — ${coop.name}`, text, attachmentName: quotePdfFileName(row) };
}

/**
 * The mail a send would queue now, to read before confirming. Writes nothing and signs no
 * link: the client's personal link is made when the quote is sent, so the preview shows
 * where it goes.
 */
export async function previewQuoteMail(db: Db, actor: Actor, id: string, today: string, publicUrl: string): Promise<QuoteMailDraft> {
  const row = await visibleQuote(db, actor, id);
  const { needsValidation } = await quotesSettingsOf(db, actor.coopId);
  const decision = decideQuoteTransition(row, 'send', { today, needsValidation, actorRole: roleOf(actor) });
  if (!decision.ok) throw refusalError(decision.reason);
  return composeQuoteMail(db, actor, row, `${publicUrl}/portal/quotes/…`);
}

/**
 * Sends a validated quote to the client: a mail in French (the client is French-speaking by
 * default) with the quote's PDF and a signed link to the portal page where they read, accept
 * or refuse it, and, when asked, a visible copy to the member behind the activity. The
 * link lives a week beyond the validity date so the client can still read what lapsed.
 * Sending again (a lost mail) sends a fresh link and keeps the quote sent. The quote keeps
 * the id of its mail, whose outbox status tells whether it left.
 */
export async function sendQuote(
  db: Db,
  storage: FileStorage,
  actor: Actor,
  id: string,
  today: string,
  publicUrl: string,
  opts: { copyToMember?: boolean } = {},
): Promise<{ mailId: string }> {
  return db.transaction(async (tx) => {
    const row = await visibleQuote(tx, actor, id, { lock: true });
    const client = await clientIdentityForDocument(tx, actor.coopId, row.clientId);
    const after = await applyQuoteAction(tx, actor, row, 'send', { today, role: roleOf(actor) });
    if (!client?.email) throw quoteErrors.QUOTE_CLIENT_WITHOUT_EMAIL();
    // Stored before the mail is queued: the outbox attaches files by key, and the PDF the
    // client receives is the one the member and the portal serve afterwards.
    const pdf = await storeSentQuotePdf(tx, storage, after, today);
    const { portalSecret } = await quotesSettingsOf(tx, actor.coopId);
    const token = signLink({ purpose: QUOTE_PORTAL_PURPOSE, subjectId: portalSubject(actor.coopId, id), expiresAt: portalLinkExpiry(row.validUntil) }, portalSecret);
    const mail = await composeQuoteMail(tx, actor, after, `${publicUrl}/portal/quotes/${token}`);
    const cc = opts.copyToMember && mail.memberAddress && mail.memberAddress !== mail.to ? mail.memberAddress : null;
    const mailId = await enqueueMail(tx, {
      coopId: actor.coopId,
      to: mail.to,
      cc,
      subject: mail.subject,
      text: mail.text,
      template: 'quote.sent',
      attachments: [{ filename: mail.attachmentName, contentType: 'application/pdf', storageKey: pdf.storageKey, sha256: pdf.sha256 }],
    });
    await tx.update(quotes).set({ sentMailId: mailId }).where(and(eq(quotes.coopId, actor.coopId), eq(quotes.id, id)));
    return { mailId };
  });
}
