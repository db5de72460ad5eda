import type { Executor } from '../../platform/db/client.js';
import type { PayableSourceType } from './schema.js';

/** What a source module owes a payee, as it offers it to payouts (see HELPERS-COMMON "Payable sources"). */
export interface Payable {
  sourceType: PayableSourceType;
  sourceId: string;
  activityId: string | null;
  /** The member paid, when the payee is one: where a missing IBAN is fixed. */
  payeeMemberId?: string | null;
  payeeName: string;
  payeeIban: string | null;
  payeeBic: string | null;
  amountCents: number;
  reference: string;
  dueOn: string | null;
}

/**
 * A module whose documents the coop pays by transfer, wired by the composition root (the
 * payouts module imports none of them): its list of what is owed, its "paid" (posting the
 * payment and marking the document), and, when it has one, the undoing of a payment whose
 * transfer the payee's bank returned.
 */
export interface PayableSource {
  listPayables(db: Executor, coopId: string): Promise<Payable[]>;
  markPaid(
    tx: Executor,
    coopId: string,
    sourceId: string,
    input: { paidOn: string; amountCents: number; bankAccountId: string; actorId: string | null; via: 'sepa_transfer' | 'manual' },
  ): Promise<{ entryId: string }>;
  /** Reverses the payment (the transfer came back) and returns the reversing entry. */
  reversePaid?(tx: Executor, coopId: string, sourceId: string, input: { on: string; actorId: string | null; reason: string }): Promise<{ entryId: string }>;
}

export type PayableSources = Partial<Record<PayableSourceType, PayableSource>>;
