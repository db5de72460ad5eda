// The auth pages, for the route table.
export { default as AcceptInvitationPage } from './AcceptInvitationPage';
export { default as ChangePasswordPage } from './ChangePasswordPage';
export { default as ForgotPasswordPage } from './ForgotPasswordPage';
export { default as LoginPage } from './LoginPage';
export { default as ResetPasswordPage } from './ResetPasswordPage';
