import type { DepositAccount } from '../../ledger/index.js';
import type { PaymentMode } from '../schema.js';

/**
 * Where a payment is booked when it is recorded (PCG):
 * - read from a bank line: the money is on the bank account, 512;
 * - a cheque typed by staff: 5112 Chèques à encaisser, until the bank credits it (alone or in a
 *   remittance slip); booking it to 512 at once is how a cheque got counted twice, once typed
 *   and once more from the statement;
 * - cash typed by staff: 530 Caisse, until it is paid in at the bank;
 * - a transfer, card or direct debit typed by staff: the bank already holds it, 512, and the
 *   payment waits unreconciled until its bank line confirms it (no second entry then).
 */
export function depositAccountOf(payment: { mode: PaymentMode; fromBankLine: boolean }): DepositAccount {
  if (payment.fromBankLine) return '512';
  if (payment.mode === 'cheque') return '5112';
  if (payment.mode === 'cash') return '530';
  return '512';
}
