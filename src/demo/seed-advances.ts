import type { Db } from '../platform/db/client.js';
import type { Actor } from '../platform/http/context.js';
import { approveAdvance, endowFund, requestAdvance } from '../modules/advances/index.js';
import { getInvoice, openInvoices } from '../modules/invoicing/index.js';
import { recordPaymentIn } from '../modules/payments/index.js';

/**
 * The guarantee fund of the demo: 15 000 € of reserves allotted to it, and two of the invoices
 * not yet due prefinanced today: the client of the first has since paid the rest (its advance is
 * settled), the second is still awaited (its advance is outstanding). An invoice the rules
 * refuse (a member's ceiling reached) is passed over for the next one.
 */
export async function seedDemoAdvances(ctx: { db: Db; admin: Actor; advisor: Actor; today: string }): Promise<void> {
  const { db, admin, advisor, today } = ctx;
  await endowFund(db, admin, { amountCents: 1_500_000, date: today, source: 'reserves', label: 'Dotation du fonds de garantie (décision d’AG)' });
  const advanced: string[] = [];
  // Invoices not yet due first, newest first: the one whose client then pays is among them, so
  // the late payers' invoices stay the dunning's story; an overdue one may carry the outstanding advance.
  const open = await openInvoices(db, advisor.coopId);
  const candidates = [...open.filter((o) => o.dueDate >= today).reverse(), ...open.filter((o) => o.dueDate < today)];
  for (const candidate of candidates) {
    if (advanced.length === 2) break;
    const inv = await getInvoice(db, advisor, candidate.id);
    if (inv.kind !== 'invoice' || inv.paidCents > 0) continue;
    const amountCents = Math.min(Math.floor(inv.netCents * 0.2), 60_000);
    try {
      const { id } = await requestAdvance(db, advisor, { invoiceId: inv.id, amountCents }, today);
      await approveAdvance(db, advisor, id, today);
      advanced.push(inv.id);
    } catch {
      // Refused by the fund's rules for this member today: the demo tries the next invoice.
    }
  }
  const [settledOne] = advanced;
  if (settledOne && candidates.find((c) => c.id === settledOne)!.dueDate >= today) {
    const inv = await getInvoice(db, advisor, settledOne);
    const amountCents = inv.grossCents - inv.paidCents - inv.creditedCents;
    await recordPaymentIn(db, advisor, { clientId: inv.clientId, date: today, amountCents, mode: 'transfer', reference: `VIR ${inv.number}`, allocations: [{ invoiceId: inv.id, amountCents }] });
  }
}
