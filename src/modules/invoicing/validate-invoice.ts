import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import type { FieldError } from '../../platform/errors.js';
import { isStaff, type Actor } from '../../platform/http/context.js';
import { activitySummaries } from '../activities/index.js';
import { clientIdentityForDocument } from '../clients/index.js';
import { getCoop } from '../coops/index.js';
import { computeTotals, missingMentions, partiesOf, totalsLineOf } from '../documents/index.js';
import { mayValidateInvoice } from './domain/may-validate-invoice.js';
import { invoiceErrors } from './errors.js';
import { deductedDepositsOf } from './deducted-deposits-of.js';
import { documentOf, dueDateOf, issueDocument, prepaidCentsOf } from './issue-document.js';
import { visibleInvoice } from './invoice-access.js';
import { getInvoicingSettings } from './invoicing-settings.js';
import { enqueueIssuedFilesRender } from './render-issued-files-job.js';
import { settleInvoiceContribution } from './contribution-of-invoice.js';
import { invoiceLines } from './schema.js';

const required = (path: string): FieldError => ({ path, message: { fr: 'Mention obligatoire manquante.', en: 'Mandatory mention missing.' } });

/**
 * Issues a draft: checks it fully, then gives it the next number of the coop's series,
 * freezes the seller's and buyer's identities, posts the sales entry and records the audit,
 * all in one READ COMMITTED transaction (the series counter is re-read after its lock, so
 * concurrent validations queue on it instead of failing). An incomplete invoice fails
 * alone with the list of what it lacks, before any number is taken.
 *
 * The team validates; a member validates an invoice of their own activity when the coop's
 * limit allows its total, checked on the locked row so the total checked is the one issued.
 */
export async function validateInvoice(db: Db, actor: Actor, id: string, today: string): Promise<{ id: string; number: string }> {
  return db.transaction(
    async (tx) => {
      const row = await visibleInvoice(tx, actor, id, { lock: true });
      if (row.status !== 'draft') throw invoiceErrors.INVOICE_ISSUED();
      const staff = isStaff(actor);
      const right = mayValidateInvoice({ staff }, row.grossCents, staff ? null : (await getInvoicingSettings(tx, actor.coopId)).memberValidationLimitCents);
      if (!right.ok) throw right.reason === 'above_member_limit' ? invoiceErrors.ABOVE_MEMBER_VALIDATION_LIMIT() : invoiceErrors.VALIDATION_RESERVED_TO_STAFF();
      const lines = await tx
        .select()
        .from(invoiceLines)
        .where(and(eq(invoiceLines.coopId, actor.coopId), eq(invoiceLines.invoiceId, id)))
        .orderBy(asc(invoiceLines.position));
      const coop = await getCoop(tx, actor.coopId);
      const client = await clientIdentityForDocument(tx, actor.coopId, row.clientId);
      const activity = (await activitySummaries(tx, actor.coopId, [row.activityId])).get(row.activityId);
      if (!client || !activity) throw invoiceErrors.INVOICE_NOT_FOUND();

      const problems: FieldError[] = [];
      if (activity.status !== 'active') problems.push({ path: 'activityId', message: { fr: "L'activité n'est pas active.", en: 'The activity is not active.' } });
      if (client.archived) problems.push({ path: 'clientId', message: { fr: 'Ce client est archivé.', en: 'This client is archived.' } });
      // A final invoice freezes the deposits it deducts as they were issued.
      const deducted = await deductedDepositsOf(tx, row);
      problems.push(...deducted.problems);
      const issuing = deducted.deposits.length ? { ...row, deductedDeposits: deducted.deposits } : row;
      const totals = computeTotals({ lines: lines.map(totalsLineOf), prepaidCents: prepaidCentsOf(issuing) });
      if (lines.length > 0 && totals.grandTotalCents <= 0) problems.push({ path: 'lines', message: { fr: 'Le total doit être positif.', en: 'The total must be positive.' } });
      if (totals.dueCents < 0) problems.push({ path: 'lines', message: { fr: 'Les acomptes déduits dépassent le total de la facture.', en: 'The deposits deducted exceed the total of the invoice.' } });
      const parties = partiesOf(coop, activity.name, client, row);
      const dueDate = dueDateOf(row, today);
      // The number is not known yet: a placeholder stands for it so the rest is checked now.
      const doc = documentOf(issuing, lines, parties, totals, { number: 'PENDING', issueDate: today, dueDate });
      problems.push(...missingMentions(doc).map(required));
      if (problems.length) throw invoiceErrors.INVOICE_INCOMPLETE(problems);

      const { number } = await issueDocument(tx, actor, { row: issuing, coop, issueDate: today, dueDate, totals, parties, clientName: client.name });
      // The cooperative contribution on its revenue, in the same transaction (nothing on the 'payment' basis until paid).
      await settleInvoiceContribution(tx, actor, id, { cause: 'validation', date: today });
      await enqueueIssuedFilesRender(tx, actor, id);
      return { id, number };
    },
    { isolationLevel: 'read committed' },
  );
}
