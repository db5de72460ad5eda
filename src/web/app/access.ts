import type { Role } from '../lib/session';

// Who may open which part of the app. The API enforces the same rules; these only decide
// what the interface offers. Used by both the route table and the navigation.
export const EVERYONE: Role[] = ['admin', 'staff', 'member'];
export const MANAGERS: Role[] = ['admin', 'staff'];
export const ADMINS: Role[] = ['admin'];
export const MEMBERS: Role[] = ['member'];
/** The accountant reads the books, the bank, invoices and payments of the coop, and changes none of them. */
export const ACCOUNTANTS: Role[] = ['accountant'];
/** Who reads the ledger, the payments and the bank. */
export const BOOK_READERS: Role[] = [...MANAGERS, ...ACCOUNTANTS];
/** Who reads the coop's tax figures (the VAT return): management and the accountant, not the advisors. */
export const TAX_READERS: Role[] = [...ADMINS, ...ACCOUNTANTS];
/** Everyone with an account in the coop, the accountant included (home page, invoices). */
export const READERS: Role[] = [...EVERYONE, ...ACCOUNTANTS];
