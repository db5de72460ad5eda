import type { Role } from '../lib/session';

// Who may open which part of the app. The API enforces the same rules; these only decide
// what the interface offers. Used by both the route table and the navigation.
export const EVERYONE: Role[] = ['admin', 'staff', 'member'];
export const MANAGERS: Role[] = ['admin', 'staff'];
export const ADMINS: Role[] = ['admin'];
export const MEMBERS: Role[] = ['member'];
