import type { Role } from '../../../platform/auth/schema.js';

export interface DashboardSections {
  coop: boolean;
  latestChanges: boolean;
  me: boolean;
  books: boolean;
}

/**
 * Which parts of the dashboard a person sees. Advisors follow every member, so they get the
 * cooperative's figures; the audit trail is the management's; a member sees their own file
 * only, never another member's figures; the accountant, the books (bank, receivables, VAT,
 * revenue). A person may hold several roles and get several parts.
 */
export function dashboardSectionsFor(roles: readonly Role[]): DashboardSections {
  const manages = roles.includes('admin') || roles.includes('staff');
  return { coop: manages, latestChanges: roles.includes('admin'), me: roles.includes('member'), books: roles.includes('accountant') };
}
