import type { Translation } from '../../i18n/translation';
import type { fr } from './i18n.fr';

// The auth module's strings in English: the same keys as i18n.fr.ts, checked by its type.
export const en: Translation<typeof fr> = {
  fields: {
    email: 'Email address',
    password: 'Password',
    currentPassword: 'Current password',
    newPassword: 'New password',
    confirmPassword: 'Confirm password',
    displayName: 'Display name',
  },
  validation: {
    required: 'This field is required.',
    emailInvalid: 'Invalid email address.',
    passwordsMismatch: 'The two passwords do not match.',
  },
  login: {
    title: 'Sign in',
    subtitle: "Access your cooperative's services.",
    submit: 'Sign in',
    forgotPassword: 'Forgot your password?',
    invalidCredentials: 'Wrong email address or password.',
    tooManyAttempts: 'Too many attempts. Please retry in a few minutes.',
  },
  forgotPassword: {
    title: 'Forgot your password',
    intro: 'Enter your email address: we will send you a link to choose a new password.',
    submit: 'Send the link',
    sent: 'If an account exists for this address, a reset link has just been sent to it.',
    backToLogin: 'Back to sign in',
  },
  resetPassword: {
    title: 'Choose a new password',
    submit: 'Save the password',
    success: 'Your password has been changed. You can now sign in.',
    missingToken: 'This link is incomplete. Open the link from your email or ask for a new one.',
    invalidToken: 'This link is no longer valid. Please ask for a new one.',
    requestNewLink: 'Ask for a new link',
  },
  invitation: {
    title: 'Join {{coopName}}',
    intro: 'You are invited to join {{coopName}} on Mutualise.',
    introExisting: 'You are invited to join {{coopName}} on Mutualise. You already have an account: confirm with your password to accept.',
    accountPassword: 'Your Mutualise password',
    role: 'Role: {{role}}',
    email: 'Your account: {{email}}',
    submit: 'Accept the invitation',
    invalid: 'This invitation cannot be found, has expired or has already been used.',
    missingToken: 'This invitation link is incomplete.',
    welcome: 'Welcome to {{coopName}}!',
  },
  changePassword: {
    title: 'Change password',
    submit: 'Change password',
    success: 'Your password has been changed.',
  },
  userMenu: 'User menu',
  signedInAs: 'Signed in as {{email}}',
  logout: 'Log out',
};
