import { randomUUID } from 'node:crypto';
import type { AuditActor } from '../../platform/audit/record-audit.js';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Executor } from '../../platform/db/client.js';
import type { FileStorage } from '../../platform/files/storage.js';
import { takeNextNumber } from '../../platform/numbering/take-next-number.js';
import { getCoop } from '../coops/index.js';
import { renderDocumentPdf, toCrossIndustryInvoice, type InvoiceDocument } from '../documents/index.js';
import { ACCOUNTS, JOURNALS, postEntry } from '../ledger/index.js';
import { memberCompanyIdentities } from '../members/index.js';
import { FEE_VAT_RATES_BP, MAX_FEE_CENTS } from './domain/fee-amounts.js';
import { feeInvoiceDocument } from './fee-invoice-pdf.js';
import { memberFees } from './schema.js';

export interface MemberCharge {
  memberId: string;
  /** YYYY-MM, the month the resources were used in (the service period). */
  month: string;
  vatRateBp: number;
  lines: { name: string; netCents: number }[];
  /** The issue date, the day the run bills (the month's last day or today). */
  today: string;
}

export interface BilledMemberCharge {
  feeId: string;
  number: string;
  grossCents: number;
  /** The Factur-X XML embedded in the PDF (tests validate it against EN 16931). */
  xml: string;
}

/** RES-2026-0001: resources invoiced to members have their own continuous yearly series (CGI art. 242 nonies A). */
export const resourceInvoiceNumber = (year: string, sequence: number) => `RES-${year}-${String(sequence).padStart(4, '0')}`;

/**
 * Invoices a member the resources they used, inside the caller's transaction (the caller's
 * own record of what it billed is written in it, so both commit or neither): a `member_fees`
 * row of kind 'resources', so the invoice is paid, collected by the coop's SEPA direct debit
 * where the member signed a mandate (the collectable fees are any unpaid row), pre-notified and
 * settled exactly as a fee. The sale is the coop's own (D 411 the member / C 708 with no
 * activity / C 44571), the PDF is a Factur-X (PDF/A-3 with its CII XML), stored before commit:
 * `stored` receives its key so the caller can remove it if its transaction rolls back. The
 * number is taken last, once nothing can refuse the invoice (a refusal burns none).
 */
export async function billMemberCharge(tx: Executor, storage: FileStorage, actor: AuditActor, charge: MemberCharge, stored: string[]): Promise<BilledMemberCharge> {
  const coopId = actor.coopId;
  if (!(FEE_VAT_RATES_BP as readonly number[]).includes(charge.vatRateBp)) throw new RangeError('a member charge carries a French VAT rate');
  const netCents = charge.lines.reduce((s, l) => s + l.netCents, 0);
  if (charge.lines.length === 0 || charge.lines.some((l) => !Number.isInteger(l.netCents) || l.netCents <= 0) || netCents > MAX_FEE_CENTS) throw new RangeError('a member charge is positive lines of at most 100,000 € in all');
  const member = (await memberCompanyIdentities(tx, coopId, [charge.memberId])).get(charge.memberId);
  if (!member) throw new RangeError('a member charge names a member of the coop');
  const coop = await getCoop(tx, coopId);
  const id = randomUUID();
  const year = charge.today.slice(0, 4);
  const draft = (number: string): InvoiceDocument => feeInvoiceDocument(member, coop, { number, issueDate: charge.today, month: charge.month, netCents, vatRateBp: charge.vatRateBp, lines: charge.lines });
  const totals = draft('PENDING').totals;
  const label = member.membershipType === 'independent' && member.companyName ? member.companyName : member.name;
  const lines = [
    { account: ACCOUNTS.clientReceivables, activityId: null, debitCents: totals.grandTotalCents, auxiliary: { kind: 'client' as const, partyId: member.id, label: label.slice(0, 200) }, letteringKey: id },
    { account: ACCOUNTS.resourceIncome, activityId: null, creditCents: totals.taxBasisCents, label: `Ressources ${charge.month}` },
    ...(totals.vatTotalCents > 0 ? [{ account: ACCOUNTS.vatCollected, activityId: null, creditCents: totals.vatTotalCents, label: `TVA ${charge.vatRateBp / 100} %` }] : []),
  ];
  const number = resourceInvoiceNumber(year, await takeNextNumber(tx, { coopId, series: `member-resource:${year}` }));
  const doc = draft(number);
  const bytes = Buffer.from(await renderDocumentPdf(doc, { facturX: true }));
  const storageKey = `coops/${coopId}/member-fees/${member.id}/${id}.pdf`;
  const { sha256 } = await storage.put(storageKey, bytes);
  stored.push(storageKey);
  const entry = await postEntry(tx, actor, { journal: JOURNALS.sales, date: charge.today, label: `Ressources ${charge.month} ${label}`.slice(0, 300), source: { type: 'member_fee', id }, documentRef: number, lines });
  await tx.insert(memberFees).values({
    coopId,
    id,
    kind: 'resources',
    memberId: member.id,
    month: charge.month,
    number,
    issueDate: charge.today,
    dueDate: doc.dueDate!,
    netCents: totals.taxBasisCents,
    vatRateBp: charge.vatRateBp,
    vatCents: totals.vatTotalCents,
    grossCents: totals.grandTotalCents,
    salesEntryId: entry.id,
    storageKey,
    sha256,
  });
  await recordAudit(tx, actor, {
    action: 'member_fee.billed',
    entityType: 'member',
    entityId: member.id,
    after: { memberId: member.id, feeId: id, kind: 'resources', number, month: charge.month, netCents: totals.taxBasisCents, vatCents: totals.vatTotalCents, grossCents: totals.grandTotalCents, amountCents: totals.grandTotalCents },
  });
  return { feeId: id, number, grossCents: totals.grandTotalCents, xml: toCrossIndustryInvoice(doc) };
}
