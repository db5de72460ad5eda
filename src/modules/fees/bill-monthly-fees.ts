import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { recordAudit, type AuditActor } from '../../platform/audit/record-audit.js';
import { sqlConstraint, sqlState, UNIQUE_VIOLATION, type Db } from '../../platform/db/client.js';
import type { FileStorage } from '../../platform/files/storage.js';
import { takeNextNumber } from '../../platform/numbering/take-next-number.js';
import { getCoop, MEMBERSHIP_TYPES } from '../coops/index.js';
import { ACCOUNTS, JOURNALS, postEntry } from '../ledger/index.js';
import { memberCompanyIdentities, memberIdsOfTypes, type MemberCompanyIdentity } from '../members/index.js';
import { feeAmounts, feeNumber, monthlyFeeOf } from './domain/fee-amounts.js';
import { feeInvoiceDocument, renderFeeInvoicePdf } from './fee-invoice-pdf.js';
import { getFeeSettings } from './fee-settings.js';
import { memberFeeOverrides, memberFees } from './schema.js';

export interface BillMonthResult {
  month: string;
  billed: number;
  alreadyBilled: number;
}

/**
 * Bills a month's fee to every member who owes one: one transaction per member, each writing
 * the fee, its invoice (next number of the COT series of the year, taken after every check,
 * PDF stored), its sales entry (D 411 the member's auxiliary account / C 706 with no activity,
 * the coop's own revenue / C 44571) and its audit record. The unique key (coop, member, month)
 * is the lock: a second run, or two at once, find the fee there (or lose the race on the key
 * and roll back, burning no number) and bill nothing twice.
 */
export async function billMonthlyFees(db: Db, storage: FileStorage, actor: AuditActor, month: string, today: string): Promise<BillMonthResult> {
  const coopId = actor.coopId;
  const settings = await getFeeSettings(db, coopId);
  const ids = await memberIdsOfTypes(db, coopId, [...MEMBERSHIP_TYPES]);
  const identities = await memberCompanyIdentities(db, coopId, ids);
  const overrides = new Map((await db.select().from(memberFeeOverrides).where(eq(memberFeeOverrides.coopId, coopId))).map((o) => [o.memberId, o.amountCents]));
  const result: BillMonthResult = { month, billed: 0, alreadyBilled: 0 };
  for (const id of ids) {
    const member = identities.get(id);
    if (!member) continue;
    const cents = monthlyFeeOf({ membershipType: member.membershipType, overrideCents: overrides.get(id) ?? null }, { feeCents: settings.monthlyFeeCents, billedTypes: settings.billedTypes });
    if (cents <= 0) continue;
    const outcome = await billOne(db, storage, actor, member, month, cents, settings.vatRateBp, today);
    if (outcome === 'billed') result.billed++;
    else result.alreadyBilled++;
  }
  return result;
}

async function billOne(db: Db, storage: FileStorage, actor: AuditActor, member: MemberCompanyIdentity, month: string, netCents: number, vatRateBp: number, today: string): Promise<'billed' | 'already'> {
  const coopId = actor.coopId;
  let storedKey: string | null = null;
  try {
    return await db.transaction(async (tx) => {
      const [existing] = await tx.select({ id: memberFees.id }).from(memberFees).where(and(eq(memberFees.coopId, coopId), eq(memberFees.memberId, member.id), eq(memberFees.month, month), eq(memberFees.kind, 'fee')));
      if (existing) return 'already';
      const amounts = feeAmounts(netCents, vatRateBp);
      const coop = await getCoop(tx, coopId);
      const id = randomUUID();
      const label = member.membershipType === 'independent' && member.companyName ? member.companyName : member.name;
      const lines = [
        { account: ACCOUNTS.clientReceivables, activityId: null, debitCents: amounts.grossCents, auxiliary: { kind: 'client' as const, partyId: member.id, label: label.slice(0, 200) }, letteringKey: id },
        { account: ACCOUNTS.serviceRevenue, activityId: null, creditCents: amounts.netCents, label: `Cotisation ${month}` },
        ...(amounts.vatCents > 0 ? [{ account: ACCOUNTS.vatCollected, activityId: null, creditCents: amounts.vatCents, label: `TVA ${vatRateBp / 100} %` }] : []),
      ];
      const year = today.slice(0, 4);
      // The number last, once nothing can refuse the fee: a refusal burns none (take-next-number.ts).
      const number = feeNumber(year, await takeNextNumber(tx, { coopId, series: `member-fee:${year}` }));
      const doc = feeInvoiceDocument(member, coop, { number, issueDate: today, month, netCents: amounts.netCents, vatRateBp });
      const bytes = Buffer.from(await renderFeeInvoicePdf(doc));
      const storageKey = `coops/${coopId}/member-fees/${member.id}/${id}.pdf`;
      const { sha256 } = await storage.put(storageKey, bytes);
      storedKey = storageKey;
      const entry = await postEntry(tx, actor, { journal: JOURNALS.sales, date: today, label: `Cotisation ${month} ${label}`.slice(0, 300), source: { type: 'member_fee', id }, documentRef: number, lines });
      await tx.insert(memberFees).values({ coopId, id, memberId: member.id, month, number, issueDate: today, dueDate: doc.dueDate!, ...amounts, salesEntryId: entry.id, storageKey, sha256 });
      await recordAudit(tx, actor, {
        action: 'member_fee.billed',
        entityType: 'member',
        entityId: member.id,
        after: { memberId: member.id, feeId: id, number, month, netCents: amounts.netCents, vatCents: amounts.vatCents, grossCents: amounts.grossCents, amountCents: amounts.grossCents },
      });
      return 'billed' as const;
    });
  } catch (err) {
    if (storedKey) await storage.remove(storedKey).catch(() => undefined);
    // Another run billed this member's month between our read and our write: the key kept it once.
    if (sqlState(err) === UNIQUE_VIOLATION && sqlConstraint(err) === 'member_fees_month_key') return 'already';
    throw err;
  }
}
