import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { navigationFor } from './navigation';

const t = ((key: string) => key) as unknown as TFunction;
const keys = (roles: Parameters<typeof navigationFor>[0]) => navigationFor(roles, t).map((e) => e.key);

describe('the menu', () => {
  it("gives the accountant the books, the bank, the payments and every invoice, and nothing they cannot read", () => {
    expect(keys(['accountant'])).toEqual(['dashboard', 'invoices', 'jobs', 'ledger-trial-balance', 'ledger-general-ledger', 'treasury', 'payments', 'bank', 'member-invoices', 'fees', 'salaries', 'advances']);
    expect(navigationFor(['accountant'], t).find((e) => e.key === 'invoices')?.label).toBe('invoices.nav.invoices');
  });

  it('keeps the books out of a member’s menu', () => {
    expect(keys(['member'])).not.toContain('ledger-trial-balance');
    expect(keys(['member'])).not.toContain('bank');
  });
});
