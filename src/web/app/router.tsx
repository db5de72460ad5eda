import { lazy, Suspense } from 'react';
import { createBrowserRouter } from 'react-router';
import {
  AcceptInvitationPage,
  ChangePasswordPage,
  ForgotPasswordPage,
  LoginPage,
  ResetPasswordPage,
} from '../modules/auth';
import { ADMINS, MANAGERS, MEMBERS } from './access';
import { NotFoundPage, RedirectIfAuthenticated, RequireAuth, RequireRole } from './guards';
import { FullPageLoader } from '../components/FullPageLoader';
import { AppLayout } from './layout';
import { PublicLayout } from './public-layout';
import { RouteError } from './route-error';

// Module pages load on first visit, so the sign-in page does not wait for all of them.
const DashboardPage = lazy(() => import('../modules/dashboard/DashboardPage'));
const MembersPage = lazy(() => import('../modules/members/MembersPage'));
const MemberDetailPage = lazy(() => import('../modules/members/MemberDetailPage'));
const MyProfilePage = lazy(() => import('../modules/members/MyProfilePage'));
const ActivitiesPage = lazy(() => import('../modules/activities/ActivitiesPage'));
const ActivityDetailPage = lazy(() => import('../modules/activities/ActivityDetailPage'));
const ClientsPage = lazy(() => import('../modules/clients/ClientsPage'));
const ClientDetailPage = lazy(() => import('../modules/clients/ClientDetailPage'));
const CoopSettingsPage = lazy(() => import('../modules/coop/CoopSettingsPage'));
const PeoplePage = lazy(() => import('../modules/people/PeoplePage'));
const AuditPage = lazy(() => import('../modules/audit/AuditPage'));
const OutboxPage = lazy(() => import('../modules/outbox/OutboxPage'));
const DunningPage = lazy(() => import('../modules/dunning/DunningPage'));
const TrialBalancePage = lazy(() => import('../modules/ledger/TrialBalancePage'));
const GeneralLedgerPage = lazy(() => import('../modules/ledger/GeneralLedgerPage'));
const QuotesPage = lazy(() => import('../modules/quotes/QuotesPage'));
const QuoteEditorPage = lazy(() => import('../modules/quotes/QuoteEditorPage'));
const QuoteDetailPage = lazy(() => import('../modules/quotes/QuoteDetailPage'));
const PortalQuotePage = lazy(() => import('../modules/quotes/PortalQuotePage'));
const PaymentsPage = lazy(() => import('../modules/payments/PaymentsPage'));
const BankStatementsPage = lazy(() => import('../modules/bank/BankStatementsPage'));
const ImportStatementPage = lazy(() => import('../modules/bank/ImportStatementPage'));
const ReconciliationPage = lazy(() => import('../modules/bank/ReconciliationPage'));
const InvoicesPage = lazy(() => import('../modules/invoices/InvoicesPage'));
const InvoiceEditorPage = lazy(() => import('../modules/invoices/InvoiceEditorPage'));
const InvoiceDetailPage = lazy(() => import('../modules/invoices/InvoiceDetailPage'));

/**
 * Every page of the app. Pages open to any signed-in role carry no wrapper; the others say
 * who may open them with <RequireRole>, which shows a 403 to anyone else. Activities and
 * clients are open to members too: the API returns only their own.
 */
export const router = createBrowserRouter([
  {
    errorElement: <RouteError />,
    children: [
      {
        element: <PublicLayout />,
        children: [
          {
            path: 'login',
            element: (
              <RedirectIfAuthenticated>
                <LoginPage />
              </RedirectIfAuthenticated>
            ),
          },
          { path: 'forgot-password', element: <ForgotPasswordPage /> },
          { path: 'reset-password', element: <ResetPasswordPage /> },
          { path: 'invitation', element: <AcceptInvitationPage /> },
        ],
      },
      // The client portal: no account and no app frame, the signed link is the credential.
      {
        path: 'portal/quotes/:token',
        element: (
          <Suspense fallback={<FullPageLoader />}>
            <PortalQuotePage />
          </Suspense>
        ),
      },
      {
        element: (
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        ),
        children: [
          { index: true, element: <DashboardPage /> },
          { path: 'members', element: <RequireRole roles={MANAGERS}><MembersPage /></RequireRole> },
          { path: 'members/:id', element: <RequireRole roles={MANAGERS}><MemberDetailPage /></RequireRole> },
          { path: 'me', element: <RequireRole roles={MEMBERS}><MyProfilePage /></RequireRole> },
          { path: 'activities', element: <ActivitiesPage /> },
          { path: 'activities/:id', element: <ActivityDetailPage /> },
          { path: 'clients', element: <ClientsPage /> },
          { path: 'clients/:id', element: <ClientDetailPage /> },
          { path: 'quotes', element: <QuotesPage /> },
          { path: 'quotes/new', element: <QuoteEditorPage /> },
          { path: 'quotes/:id', element: <QuoteDetailPage /> },
          { path: 'quotes/:id/edit', element: <QuoteEditorPage /> },
          { path: 'invoices', element: <InvoicesPage /> },
          { path: 'invoices/new', element: <InvoiceEditorPage /> },
          { path: 'invoices/:id', element: <InvoiceDetailPage /> },
          { path: 'invoices/:id/edit', element: <InvoiceEditorPage /> },
          { path: 'ledger/trial-balance', element: <RequireRole roles={MANAGERS}><TrialBalancePage /></RequireRole> },
          { path: 'ledger/general-ledger', element: <RequireRole roles={MANAGERS}><GeneralLedgerPage /></RequireRole> },
          { path: 'payments', element: <RequireRole roles={MANAGERS}><PaymentsPage /></RequireRole> },
          { path: 'bank', element: <RequireRole roles={MANAGERS}><BankStatementsPage /></RequireRole> },
          { path: 'bank/import', element: <RequireRole roles={MANAGERS}><ImportStatementPage /></RequireRole> },
          { path: 'bank/statements/:id', element: <RequireRole roles={MANAGERS}><ReconciliationPage /></RequireRole> },
          { path: 'settings', element: <RequireRole roles={ADMINS}><CoopSettingsPage /></RequireRole> },
          { path: 'people', element: <RequireRole roles={ADMINS}><PeoplePage /></RequireRole> },
          { path: 'audit', element: <RequireRole roles={ADMINS}><AuditPage /></RequireRole> },
          { path: 'dunning', element: <RequireRole roles={MANAGERS}><DunningPage /></RequireRole> },
          { path: 'outbox', element: <RequireRole roles={ADMINS}><OutboxPage /></RequireRole> },
          { path: 'change-password', element: <ChangePasswordPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
