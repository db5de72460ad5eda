import { describe, expect, it } from 'vitest';
import { dashboardSectionsFor } from './dashboard-sections.js';

describe('dashboardSectionsFor', () => {
  it('shows an admin the cooperative figures and the latest changes', () => {
    expect(dashboardSectionsFor(['admin'])).toEqual({ coop: true, latestChanges: true, me: false, books: false });
  });

  it('shows an advisor the cooperative figures but not the audit trail', () => {
    expect(dashboardSectionsFor(['staff'])).toEqual({ coop: true, latestChanges: false, me: false, books: false });
  });

  it('shows a member only their own file', () => {
    expect(dashboardSectionsFor(['member'])).toEqual({ coop: false, latestChanges: false, me: true, books: false });
  });

  it('adds the own file of an advisor who is also a member', () => {
    expect(dashboardSectionsFor(['member', 'staff'])).toEqual({ coop: true, latestChanges: false, me: true, books: false });
  });

  it('shows the accountant the books, and neither the members nor the audit trail', () => {
    expect(dashboardSectionsFor(['accountant'])).toEqual({ coop: false, latestChanges: false, me: false, books: true });
  });
});
