import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { clientNames } from '../clients/index.js';
import type { PaymentMode } from './schema.js';
import { paymentRemittances, payments } from './schema.js';

/** Money recorded and not yet seen on the bank account: a payment alone, or a remittance slip of cheques. */
export type UnreconciledReceipt =
  | { kind: 'payment'; id: string; amountCents: number; date: string; mode: PaymentMode; reference: string | null; clientId: string; clientName: string }
  | { kind: 'remittance'; id: string; amountCents: number; date: string; number: number; chequeCount: number; chequeReferences: string[]; clientNames: string[] };

/**
 * The payments and remittance slips of the coop that no bank line confirmed yet, of the
 * amounts asked (a bank line confirms money of its own amount only): what reconciliation
 * proposes before offering to book a new payment. A cheque on a slip is proposed through its
 * slip, never alone; a cancelled payment or slip is not proposed.
 */
export async function unreconciledReceipts(db: Executor, coopId: string, amounts: readonly number[]): Promise<UnreconciledReceipt[]> {
  const wanted = [...new Set(amounts.filter((a) => a > 0))];
  if (wanted.length === 0) return [];
  const [single, slips] = await Promise.all([
    db
      .select()
      .from(payments)
      .where(and(eq(payments.coopId, coopId), isNull(payments.cancelledAt), isNull(payments.bankLineId), isNull(payments.remittanceId), inArray(payments.amountCents, wanted))),
    db
      .select()
      .from(paymentRemittances)
      .where(and(eq(paymentRemittances.coopId, coopId), isNull(paymentRemittances.cancelledAt), isNull(paymentRemittances.bankLineId), inArray(paymentRemittances.totalCents, wanted))),
  ]);
  const cheques = slips.length
    ? await db
        .select({ remittanceId: payments.remittanceId, reference: payments.reference, clientId: payments.clientId })
        .from(payments)
        .where(and(eq(payments.coopId, coopId), inArray(payments.remittanceId, slips.map((s) => s.id))))
    : [];
  const names = await clientNames(db, coopId, [...single.map((p) => p.clientId), ...cheques.map((c) => c.clientId)]);
  return [
    ...single.map((p) => ({
      kind: 'payment' as const,
      id: p.id,
      amountCents: p.amountCents,
      date: p.date,
      mode: p.mode,
      reference: p.reference,
      clientId: p.clientId,
      clientName: names.get(p.clientId) ?? '',
    })),
    ...slips.map((s) => {
      const mine = cheques.filter((c) => c.remittanceId === s.id);
      return {
        kind: 'remittance' as const,
        id: s.id,
        amountCents: s.totalCents,
        date: s.date,
        number: s.number,
        chequeCount: s.chequeCount,
        chequeReferences: mine.flatMap((c) => (c.reference ? [c.reference] : [])),
        clientNames: mine.map((c) => names.get(c.clientId) ?? ''),
      };
    }),
  ];
}
