import { describe, expect, it } from 'vitest';
import { isVatOnReceipt } from './vat-regime.js';

describe('which invoices are on VAT on receipts', () => {
  it('only services, and only when the coop chose receipts', () => {
    expect(isVatOnReceipt('receipts', 'services')).toBe(true);
    expect(isVatOnReceipt('receipts', 'goods')).toBe(false);
    expect(isVatOnReceipt('receipts', 'both')).toBe(false);
    expect(isVatOnReceipt('debits', 'services')).toBe(false);
  });
});
