import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { navigationFor } from './navigation';

const t = ((key: string) => key) as unknown as TFunction;
const keys = (roles: Parameters<typeof navigationFor>[0]) => navigationFor(roles, t).map((e) => e.key);

describe('the menu', () => {
  it("gives the accountant the books, the bank, the payments and every invoice, and nothing they cannot read", () => {
    expect(keys(['accountant'])).toEqual(['dashboard', 'invoices', 'jobs', 'ledger-trial-balance', 'ledger-general-ledger', 'vat', 'treasury', 'payments', 'bank', 'member-invoices', 'expenses', 'purchases', 'suppliers', 'payouts', 'fees', 'salaries', 'advances', 'resources', 'plans', 'resources-occupancy', 'knowledge', 'questions']);
    expect(navigationFor(['accountant'], t).find((e) => e.key === 'invoices')?.label).toBe('invoices.nav.invoices');
  });

  it('offers a member "Mon forfait" and the team the plans, under the same route', () => {
    expect(navigationFor(['member'], t).find((e) => e.key === 'plans')?.label).toBe('plans.myNav');
    expect(navigationFor(['staff'], t).find((e) => e.key === 'plans')?.label).toBe('plans.nav');
  });

  it('offers "Mon salaire" only to an entrepreneur-salarié and the invoices to the coop only to an independent', () => {
    const salaried = navigationFor(['member'], t, 'entrepreneur_salarie').map((e) => e.key);
    expect(salaried).toContain('salary');
    expect(salaried).not.toContain('member-invoices');
    const independent = navigationFor(['member'], t, 'independent').map((e) => e.key);
    expect(independent).toContain('member-invoices');
    expect(independent).not.toContain('salary');
    const coworker = navigationFor(['member'], t, 'coworker').map((e) => e.key);
    expect(coworker).not.toContain('salary');
    expect(coworker).not.toContain('member-invoices');
  });

  it('offers "Mes cotisations" only to a member who is billed the fee', () => {
    // An entrepreneur-salarié whose type the coop does not bill has no fees: no entry.
    expect(navigationFor(['member'], t, 'entrepreneur_salarie', false).map((e) => e.key)).not.toContain('fees');
    expect(navigationFor(['member'], t, 'entrepreneur_salarie').map((e) => e.key)).not.toContain('fees');
    const billed = navigationFor(['member'], t, 'independent', true).find((e) => e.key === 'fees');
    expect(billed?.label).toBe('fees.myNav');
    // The team and the accountant see every member's fees, billed or not themselves.
    expect(navigationFor(['staff'], t, null, false).find((e) => e.key === 'fees')?.label).toBe('fees.nav');
    expect(keys(['accountant'])).toContain('fees');
  });

  it("gives staff the coop's salaries and every independent's invoices, whatever their own membership", () => {
    expect(keys(['staff'])).toEqual(expect.arrayContaining(['salaries', 'member-invoices']));
    expect(navigationFor(['staff'], t).find((e) => e.key === 'member-invoices')?.label).toBe('independents.nav');
  });

  it('keeps the books out of a member’s menu', () => {
    expect(keys(['member'])).not.toContain('ledger-trial-balance');
    expect(keys(['member'])).not.toContain('suppliers');
    expect(keys(['member'])).not.toContain('bank');
    expect(keys(['member'])).not.toContain('vat');
  });

  it('shows the VAT return to management and the accountant, not to advisors', () => {
    expect(keys(['admin'])).toContain('vat');
    expect(keys(['staff'])).not.toContain('vat');
  });

  it('offers expense reports to members and to the team', () => {
    expect(keys(['member'])).toContain('expenses');
    expect(keys(['staff'])).toContain('expenses');
    expect(navigationFor(['member'], t).find((e) => e.key === 'expenses')?.label).toBe('expenses.myNav');
  });

  it('offers the directory to the team and the members, and "Mon profil annuaire" to members only', () => {
    expect(keys(['member'])).toEqual(expect.arrayContaining(['directory', 'directory-me']));
    expect(keys(['staff'])).toContain('directory');
    expect(keys(['staff'])).not.toContain('directory-me');
  });

  it('offers workclubs to members and the team, not to the accountant alone', () => {
    expect(keys(['member'])).toContain('workclubs');
    expect(keys(['staff'])).toContain('workclubs');
    expect(keys(['accountant'])).not.toContain('workclubs');
  });

  it('offers the events to the team and to members, not to the accountant who keeps the books', () => {
    expect(keys(['member'])).toContain('events');
    expect(keys(['staff'])).toContain('events');
    expect(keys(['accountant'])).not.toContain('events');
  });
});
