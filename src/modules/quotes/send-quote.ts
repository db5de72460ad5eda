import { signLink } from '../../platform/auth/signed-links.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import { activitySummaries } from '../activities/index.js';
import { clientIdentityForDocument } from '../clients/index.js';
import { getCoop } from '../coops/index.js';
import { portalLinkExpiry, portalSubject, QUOTE_PORTAL_PURPOSE } from './domain/portal-link.js';
import { quoteErrors } from './errors.js';
import { applyQuoteAction } from './move-quote.js';
import { visibleQuote } from './quote-access.js';
import { roleOf } from './quote-refusals.js';
import { quotesSettingsOf } from './quotes-settings.js';

const euros = (cents: number) => (cents / 100).toLocaleString('fr-FR', { style: 'currency', currency: 'EUR' });
const frenchDate = (iso: string) => new Date(`${iso}T12:00:00Z`).toLocaleDateString('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/**
 * Sends a validated quote to the client: a mail in French (the client is French-speaking by
 * default) with a signed link to the portal page where they read, accept or refuse it. The
 * link lives a week beyond the validity date so the client can still read what lapsed.
 * Sending again (a lost mail) sends a fresh link and keeps the quote sent.
 */
export async function sendQuote(db: Db, actor: Actor, id: string, today: string, publicUrl: string): Promise<{ mailId: string }> {
  return db.transaction(async (tx) => {
    const row = await visibleQuote(tx, actor, id, { lock: true });
    const client = await clientIdentityForDocument(tx, actor.coopId, row.clientId);
    const after = await applyQuoteAction(tx, actor, row, 'send', { today, role: roleOf(actor) });
    if (!client?.email) throw quoteErrors.QUOTE_CLIENT_WITHOUT_EMAIL();
    const { portalSecret } = await quotesSettingsOf(tx, actor.coopId);
    const token = signLink({ purpose: QUOTE_PORTAL_PURPOSE, subjectId: portalSubject(actor.coopId, id), expiresAt: portalLinkExpiry(row.validUntil) }, portalSecret);
    const link = `${publicUrl}/portal/quotes/${token}`;
    const coop = await getCoop(tx, actor.coopId);
    const activity = (await activitySummaries(tx, actor.coopId, [row.activityId])).get(row.activityId);
    const text = [
      'Bonjour,',
      '',
      `Veuillez trouver notre devis ${after.number} (${activity?.name ?? coop.name}) d'un montant de ${euros(row.grossCents)} TTC, valable jusqu'au ${frenchDate(row.validUntil)}.`,
      '',
      'Vous pouvez le consulter, puis l’accepter ou le refuser en ligne à cette adresse :',
      link,
      '',
      'Cordialement,',
      coop.name,
    ].join('\n');
    const mailId = await enqueueMail(tx, { coopId: actor.coopId, to: client.email, subject: `Devis ${after.number} — ${coop.name}`, text, template: 'quote.sent' });
    return { mailId };
  });
}
