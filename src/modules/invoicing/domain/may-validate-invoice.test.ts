import { describe, expect, it } from 'vitest';
import { mayValidateInvoice } from './may-validate-invoice.js';

describe('mayValidateInvoice', () => {
  it('the team validates any invoice, whatever the member limit', () => {
    expect(mayValidateInvoice({ staff: true }, 10_000_000, null)).toEqual({ ok: true });
    expect(mayValidateInvoice({ staff: true }, 10_000_000, 100)).toEqual({ ok: true });
  });

  it('a member never validates when the coop set no limit', () => {
    expect(mayValidateInvoice({ staff: false }, 1, null)).toEqual({ ok: false, reason: 'reserved_to_staff' });
  });

  it('a member validates up to the limit included, and not a cent above', () => {
    expect(mayValidateInvoice({ staff: false }, 150_000, 150_000)).toEqual({ ok: true });
    expect(mayValidateInvoice({ staff: false }, 150_001, 150_000)).toEqual({ ok: false, reason: 'above_member_limit' });
  });

  it('a limit of zero lets a member validate nothing with an amount', () => {
    expect(mayValidateInvoice({ staff: false }, 1, 0)).toEqual({ ok: false, reason: 'above_member_limit' });
  });
});
