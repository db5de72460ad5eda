import { signLink } from '../../platform/auth/signed-links.js';
import type { Db } from '../../platform/db/client.js';
import type { FileStorage } from '../../platform/files/storage.js';
import type { Actor } from '../../platform/http/context.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import { activitySummaries } from '../activities/index.js';
import { clientIdentityForDocument } from '../clients/index.js';
import { getCoop } from '../coops/index.js';
import { formatEuros, formatFrenchDate } from '../documents/index.js';
import { portalLinkExpiry, portalSubject, QUOTE_PORTAL_PURPOSE } from './domain/portal-link.js';
import { quoteErrors } from './errors.js';
import { applyQuoteAction } from './move-quote.js';
import { quotePdfFileName, storeSentQuotePdf } from './quote-pdf.js';
import { visibleQuote } from './quote-access.js';
import { roleOf } from './quote-refusals.js';
import { quotesSettingsOf } from './quotes-settings.js';

/**
 * Sends a validated quote to the client: a mail in French (the client is French-speaking by
 * default) with the quote's PDF and a signed link to the portal page where they read, accept
 * or refuse it. The
 * link lives a week beyond the validity date so the client can still read what lapsed.
 * Sending again (a lost mail) sends a fresh link and keeps the quote sent.
 */
export async function sendQuote(db: Db, storage: FileStorage, actor: Actor, id: string, today: string, publicUrl: string): Promise<{ mailId: string }> {
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
    const link = `${publicUrl}/portal/quotes/${token}`;
    const coop = await getCoop(tx, actor.coopId);
    const activity = (await activitySummaries(tx, actor.coopId, [row.activityId])).get(row.activityId);
    const text = [
      'Bonjour,',
      '',
      `Veuillez trouver notre devis ${after.number} (${activity?.name ?? coop.name}) d'un montant de ${formatEuros(row.grossCents)} TTC, valable jusqu'au ${formatFrenchDate(row.validUntil)}.`,
      '',
      'Vous pouvez le consulter, puis l’accepter ou le refuser en ligne à cette adresse :',
      link,
      '',
      'Cordialement,',
      coop.name,
    ].join('\n');
    const mailId = await enqueueMail(tx, {
      coopId: actor.coopId,
      to: client.email,
      subject: `Devis ${after.number} — ${coop.name}`,
      text,
      template: 'quote.sent',
      attachments: [{ filename: quotePdfFileName(after), contentType: 'application/pdf', storageKey: pdf.storageKey, sha256: pdf.sha256 }],
    });
    return { mailId };
  });
}
