import { describe, expect, it } from 'vitest';
import { LIFECYCLE_CODES, mayMoveSupplierInvoice } from './supplier-invoice-lifecycle.js';

describe('supplier invoice lifecycle', () => {
  it('a received invoice is approved, refused or disputed; a dispute ends approved or refused', () => {
    expect(mayMoveSupplierInvoice('received', 'approved')).toBe(true);
    expect(mayMoveSupplierInvoice('received', 'paid')).toBe(false);
    expect(mayMoveSupplierInvoice('disputed', 'refused')).toBe(true);
    expect(mayMoveSupplierInvoice('disputed', 'disputed')).toBe(false);
  });
  it('only an approved invoice is paid; refused and paid are final', () => {
    expect(mayMoveSupplierInvoice('approved', 'paid')).toBe(true);
    expect(mayMoveSupplierInvoice('refused', 'approved')).toBe(false);
    expect(mayMoveSupplierInvoice('paid', 'refused')).toBe(false);
  });
  it('uses the codes of the reform: 210 Refusée, 205 Approuvée, 207 En litige', () => {
    expect([LIFECYCLE_CODES.refused.code, LIFECYCLE_CODES.approved.code, LIFECYCLE_CODES.disputed.code]).toEqual([210, 205, 207]);
  });
});
