import type { Translation } from '../../i18n/translation';
import type { fr } from './i18n.fr';

// The people module's strings in English: the same keys as i18n.fr.ts, checked by its type.
export const en: Translation<typeof fr> = {
  title: 'People and access',
  intro: 'The people who have access to the cooperative on Mutualise, and their roles.',
  search: 'Search for a person',
  searchPlaceholder: 'Name or email address',
  columns: {
    name: 'Name',
    roles: 'Roles',
    state: 'State',
    actions: 'Actions',
  },
  state: {
    active: 'Active account',
    pending: 'Invitation pending',
    expires: 'expires on {{date}}',
    expired: 'Invitation expired',
  },
  empty: 'Nobody matches this search.',
  invite: {
    open: 'Invite a person',
    title: 'Invite a person',
    email: 'Email address',
    firstName: 'First name',
    lastName: 'Last name',
    role: 'Role',
    membershipType: 'Membership type',
    membershipTypeHint: 'A member file is opened with the candidate status.',
    submit: 'Send the invitation',
    sent: 'Invitation sent to {{email}}.',
  },
  resend: {
    action: 'Resend the invitation',
    done: 'New invitation sent to {{email}}.',
  },
  roles: {
    edit: 'Edit roles',
    title: 'Roles of {{name}}',
    hint: 'Without any role, the person no longer has access to the cooperative.',
    submit: 'Save the roles',
    saved: 'Roles of {{name}} updated.',
  },
  validation: {
    required: 'This field is required.',
    email: 'Invalid email address.',
  },
};
