import { type ComponentType, lazy, Suspense } from 'react';
import { createBrowserRouter } from 'react-router';
import {
  AcceptInvitationPage,
  ChangePasswordPage,
  ForgotPasswordPage,
  LoginPage,
  ResetPasswordPage,
} from '../modules/auth';
import { ADMINS, BOOK_READERS, EVERYONE, MANAGERS, MEMBERS, READERS, TAX_READERS } from './access';
import { NotFoundPage, RedirectIfAuthenticated, RequireAuth, RequireRole } from './guards';
import { FullPageLoader } from '../components/FullPageLoader';
import { AppLayout } from './layout';
import { PublicLayout } from './public-layout';
import { RouteError } from './route-error';

// Module pages load on first visit, so the sign-in page does not wait for them. A page is
// taken from its module's front door (index.ts), so the whole module loads with its first page.
function pageOf<M>(load: () => Promise<M>, name: { [K in keyof M]: M[K] extends ComponentType ? K : never }[keyof M]) {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}

const DashboardPage = pageOf(() => import('../modules/dashboard'), 'DashboardPage');
const MembersPage = pageOf(() => import('../modules/members'), 'MembersPage');
const MemberDetailPage = pageOf(() => import('../modules/members'), 'MemberDetailPage');
const MyProfilePage = pageOf(() => import('../modules/members'), 'MyProfilePage');
const ActivitiesPage = pageOf(() => import('../modules/activities'), 'ActivitiesPage');
const ActivityDetailPage = pageOf(() => import('../modules/activities'), 'ActivityDetailPage');
const ClientsPage = pageOf(() => import('../modules/clients'), 'ClientsPage');
const ClientDetailPage = pageOf(() => import('../modules/clients'), 'ClientDetailPage');
const CoopSettingsPage = pageOf(() => import('../modules/coop'), 'CoopSettingsPage');
const PeoplePage = pageOf(() => import('../modules/people'), 'PeoplePage');
const AuditPage = pageOf(() => import('../modules/audit'), 'AuditPage');
const OutboxPage = pageOf(() => import('../modules/outbox'), 'OutboxPage');
const DunningPage = pageOf(() => import('../modules/dunning'), 'DunningPage');
const AdvancesPage = pageOf(() => import('../modules/advances'), 'AdvancesPage');
const TrialBalancePage = pageOf(() => import('../modules/ledger'), 'TrialBalancePage');
const GeneralLedgerPage = pageOf(() => import('../modules/ledger'), 'GeneralLedgerPage');
const VatSummaryPage = pageOf(() => import('../modules/vat'), 'VatSummaryPage');
const QuotesPage = pageOf(() => import('../modules/quotes'), 'QuotesPage');
const QuoteEditorPage = pageOf(() => import('../modules/quotes'), 'QuoteEditorPage');
const QuoteDetailPage = pageOf(() => import('../modules/quotes'), 'QuoteDetailPage');
const PortalQuotePage = pageOf(() => import('../modules/quotes'), 'PortalQuotePage');
const PaymentsPage = pageOf(() => import('../modules/payments'), 'PaymentsPage');
const BankStatementsPage = pageOf(() => import('../modules/bank'), 'BankStatementsPage');
const ImportStatementPage = pageOf(() => import('../modules/bank'), 'ImportStatementPage');
const ReconciliationPage = pageOf(() => import('../modules/bank'), 'ReconciliationPage');
const BankAccountsPage = pageOf(() => import('../modules/bank'), 'BankAccountsPage');
const ReconciliationStatementPage = pageOf(() => import('../modules/bank'), 'ReconciliationStatementPage');
const InvoicesPage = pageOf(() => import('../modules/invoices'), 'InvoicesPage');
const InvoiceEditorPage = pageOf(() => import('../modules/invoices'), 'InvoiceEditorPage');
const InvoiceDetailPage = pageOf(() => import('../modules/invoices'), 'InvoiceDetailPage');
const JobsPage = pageOf(() => import('../modules/jobs'), 'JobsPage');
const JobDetailPage = pageOf(() => import('../modules/jobs'), 'JobDetailPage');
const NotificationsPage = pageOf(() => import('../modules/notifications'), 'NotificationsPage');
const OpenNotificationPage = pageOf(() => import('../modules/notifications'), 'OpenNotificationPage');
const SalaryPage = pageOf(() => import('../modules/salaries'), 'SalaryPage');
const SalaryRequestsPage = pageOf(() => import('../modules/salaries'), 'SalaryRequestsPage');
const ActivityTreasuryPage = pageOf(() => import('../modules/treasury'), 'ActivityTreasuryPage');
const CoopTreasuryPage = pageOf(() => import('../modules/treasury'), 'CoopTreasuryPage');
const MemberInvoicesPage = pageOf(() => import('../modules/independents'), 'MemberInvoicesPage');
const ExpenseReportsPage = pageOf(() => import('../modules/expenses'), 'ExpenseReportsPage');
const ExpenseReportPage = pageOf(() => import('../modules/expenses'), 'ExpenseReportPage');
const SpendingCategoriesPage = pageOf(() => import('../modules/expenses'), 'SpendingCategoriesPage');
const PurchasesPage = pageOf(() => import('../modules/purchases'), 'PurchasesPage');
const SupplierInvoicePage = pageOf(() => import('../modules/purchases'), 'SupplierInvoicePage');
const SuppliersPage = pageOf(() => import('../modules/purchases'), 'SuppliersPage');
const SupplierPage = pageOf(() => import('../modules/purchases'), 'SupplierPage');
const PayoutsPage = pageOf(() => import('../modules/payouts'), 'PayoutsPage');
const MemberFeesPage = pageOf(() => import('../modules/fees'), 'MemberFeesPage');
const DirectoryPage = pageOf(() => import('../modules/directory'), 'DirectoryPage');
const DirectoryProfilePage = pageOf(() => import('../modules/directory'), 'DirectoryProfilePage');
const MyDirectoryProfilePage = pageOf(() => import('../modules/directory'), 'MyDirectoryProfilePage');
const PublicDirectoryPage = pageOf(() => import('../modules/directory'), 'PublicDirectoryPage');
const KnowledgeHomePage = pageOf(() => import('../modules/knowledge'), 'KnowledgeHomePage');
const KnowledgeSpacePage = pageOf(() => import('../modules/knowledge'), 'KnowledgeSpacePage');
const KnowledgePagePage = pageOf(() => import('../modules/knowledge'), 'KnowledgePagePage');
const KnowledgePageEditorPage = pageOf(() => import('../modules/knowledge'), 'KnowledgePageEditorPage');
const KnowledgePageHistoryPage = pageOf(() => import('../modules/knowledge'), 'KnowledgePageHistoryPage');
const KnowledgeQuestionsPage = pageOf(() => import('../modules/knowledge'), 'KnowledgeQuestionsPage');
const KnowledgeQuestionPage = pageOf(() => import('../modules/knowledge'), 'KnowledgeQuestionPage');
const PublicKnowledgePage = pageOf(() => import('../modules/knowledge'), 'PublicKnowledgePage');
const WorkclubsPage = pageOf(() => import('../modules/workclubs'), 'WorkclubsPage');
const WorkclubGroupPage = pageOf(() => import('../modules/workclubs'), 'WorkclubGroupPage');
const GuestWorkclubPage = pageOf(() => import('../modules/workclubs'), 'GuestWorkclubPage');
const EventsPage = pageOf(() => import('../modules/events'), 'EventsPage');
const EventPage = pageOf(() => import('../modules/events'), 'EventPage');
const AttendancePage = pageOf(() => import('../modules/events'), 'AttendancePage');
const CochallengesPage = pageOf(() => import('../modules/cochallenge'), 'CochallengesPage');
const CochallengeSetupPage = pageOf(() => import('../modules/cochallenge'), 'CochallengeSetupPage');
const CochallengeDayPage = pageOf(() => import('../modules/cochallenge'), 'CochallengeDayPage');
const CochallengeCounterPage = pageOf(() => import('../modules/cochallenge'), 'CochallengeCounterPage');
const ResourcesPage = pageOf(() => import('../modules/resources'), 'ResourcesPage');
const PlansPage = pageOf(() => import('../modules/plans'), 'PlansPage');
const MyOperationsPage = pageOf(() => import('../modules/resource-ops'), 'MyOperationsPage');
const OccupancyPage = pageOf(() => import('../modules/resource-ops'), 'OccupancyPage');

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
      // The coop's public directory: no account, only what members made public.
      ...['annuaire/:slug', 'annuaire/:slug/:memberId'].map((path) => ({
        path,
        element: (
          <Suspense fallback={<FullPageLoader />}>
            <PublicDirectoryPage />
          </Suspense>
        ),
      })),
      // The coop's public knowledge base: no account, only the spaces and books marked public.
      ...['savoirs/:coopId', 'savoirs/:coopId/spaces/:spaceId', 'savoirs/:coopId/pages/:pageId'].map((path) => ({
        path,
        element: (
          <Suspense fallback={<FullPageLoader />}>
            <PublicKnowledgePage />
          </Suspense>
        ),
      })),
      // The client portal: no account and no app frame, the signed link is the credential.
      {
        path: 'portal/quotes/:token',
        element: (
          <Suspense fallback={<FullPageLoader />}>
            <PortalQuotePage />
          </Suspense>
        ),
      },
      // A workclub guest from a partner company: no account, the signed link is the credential.
      {
        path: 'workclubs/guest/:token',
        element: (
          <Suspense fallback={<FullPageLoader />}>
            <GuestWorkclubPage />
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
          { path: 'activities/:id/treasury', element: <ActivityTreasuryPage /> },
          { path: 'treasury', element: <RequireRole roles={BOOK_READERS}><CoopTreasuryPage /></RequireRole> },
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
          { path: 'jobs', element: <JobsPage /> },
          { path: 'jobs/:id', element: <JobDetailPage /> },
          { path: 'ledger/trial-balance', element: <RequireRole roles={BOOK_READERS}><TrialBalancePage /></RequireRole> },
          { path: 'ledger/general-ledger', element: <RequireRole roles={BOOK_READERS}><GeneralLedgerPage /></RequireRole> },
          { path: 'vat', element: <RequireRole roles={TAX_READERS}><VatSummaryPage /></RequireRole> },
          { path: 'payments', element: <RequireRole roles={BOOK_READERS}><PaymentsPage /></RequireRole> },
          { path: 'bank', element: <RequireRole roles={BOOK_READERS}><BankStatementsPage /></RequireRole> },
          { path: 'bank/import', element: <RequireRole roles={BOOK_READERS}><ImportStatementPage /></RequireRole> },
          { path: 'bank/statements/:id', element: <RequireRole roles={BOOK_READERS}><ReconciliationPage /></RequireRole> },
          { path: 'bank/accounts', element: <RequireRole roles={MANAGERS}><BankAccountsPage /></RequireRole> },
          { path: 'bank/reconciliation', element: <RequireRole roles={BOOK_READERS}><ReconciliationStatementPage /></RequireRole> },
          { path: 'member-invoices', element: <RequireRole roles={READERS}><MemberInvoicesPage /></RequireRole> },
          { path: 'expenses', element: <RequireRole roles={READERS}><ExpenseReportsPage /></RequireRole> },
          { path: 'expenses/categories', element: <RequireRole roles={BOOK_READERS}><SpendingCategoriesPage /></RequireRole> },
          { path: 'expenses/:id', element: <RequireRole roles={READERS}><ExpenseReportPage /></RequireRole> },
          { path: 'purchases', element: <RequireRole roles={READERS}><PurchasesPage /></RequireRole> },
          { path: 'purchases/suppliers', element: <RequireRole roles={BOOK_READERS}><SuppliersPage /></RequireRole> },
          { path: 'purchases/suppliers/:id', element: <RequireRole roles={BOOK_READERS}><SupplierPage /></RequireRole> },
          { path: 'purchases/:id', element: <RequireRole roles={READERS}><SupplierInvoicePage /></RequireRole> },
          { path: 'payouts', element: <RequireRole roles={BOOK_READERS}><PayoutsPage /></RequireRole> },
          { path: 'fees', element: <RequireRole roles={READERS}><MemberFeesPage /></RequireRole> },
          { path: 'directory', element: <RequireRole roles={READERS}><DirectoryPage /></RequireRole> },
          { path: 'directory/me', element: <RequireRole roles={READERS}><MyDirectoryProfilePage /></RequireRole> },
          { path: 'directory/:memberId', element: <RequireRole roles={READERS}><DirectoryProfilePage /></RequireRole> },
          { path: 'knowledge', element: <RequireRole roles={READERS}><KnowledgeHomePage /></RequireRole> },
          { path: 'knowledge/spaces/:spaceId', element: <RequireRole roles={READERS}><KnowledgeSpacePage /></RequireRole> },
          { path: 'knowledge/pages/:pageId', element: <RequireRole roles={READERS}><KnowledgePagePage /></RequireRole> },
          { path: 'knowledge/pages/:pageId/edit', element: <RequireRole roles={READERS}><KnowledgePageEditorPage /></RequireRole> },
          { path: 'knowledge/pages/:pageId/history', element: <RequireRole roles={READERS}><KnowledgePageHistoryPage /></RequireRole> },
          { path: 'knowledge/books/:bookId/new', element: <RequireRole roles={READERS}><KnowledgePageEditorPage /></RequireRole> },
          { path: 'knowledge/questions', element: <RequireRole roles={READERS}><KnowledgeQuestionsPage /></RequireRole> },
          { path: 'knowledge/questions/:questionId', element: <RequireRole roles={READERS}><KnowledgeQuestionPage /></RequireRole> },
          { path: 'workclubs', element: <RequireRole roles={EVERYONE}><WorkclubsPage /></RequireRole> },
          { path: 'workclubs/groups/:id', element: <RequireRole roles={EVERYONE}><WorkclubGroupPage /></RequireRole> },
          { path: 'events', element: <RequireRole roles={EVERYONE}><EventsPage /></RequireRole> },
          { path: 'events/:id', element: <RequireRole roles={EVERYONE}><EventPage /></RequireRole> },
          { path: 'events/:id/attendance', element: <RequireRole roles={EVERYONE}><AttendancePage /></RequireRole> },
          { path: 'cochallenge', element: <RequireRole roles={EVERYONE}><CochallengesPage /></RequireRole> },
          { path: 'cochallenge/:id', element: <RequireRole roles={MANAGERS}><CochallengeSetupPage /></RequireRole> },
          { path: 'cochallenge/:id/day', element: <RequireRole roles={EVERYONE}><CochallengeDayPage /></RequireRole> },
          { path: 'cochallenge/:id/counter', element: <RequireRole roles={EVERYONE}><CochallengeCounterPage /></RequireRole> },
          { path: 'resources', element: <RequireRole roles={READERS}><ResourcesPage /></RequireRole> },
          { path: 'plans', element: <RequireRole roles={READERS}><PlansPage /></RequireRole> },
          { path: 'resources/mine', element: <RequireRole roles={READERS}><MyOperationsPage /></RequireRole> },
          { path: 'resources/occupancy', element: <RequireRole roles={BOOK_READERS}><OccupancyPage /></RequireRole> },
          { path: 'settings', element: <RequireRole roles={ADMINS}><CoopSettingsPage /></RequireRole> },
          { path: 'people', element: <RequireRole roles={ADMINS}><PeoplePage /></RequireRole> },
          { path: 'audit', element: <RequireRole roles={ADMINS}><AuditPage /></RequireRole> },
          { path: 'dunning', element: <RequireRole roles={MANAGERS}><DunningPage /></RequireRole> },
          { path: 'advances', element: <RequireRole roles={READERS}><AdvancesPage /></RequireRole> },
          { path: 'outbox', element: <RequireRole roles={ADMINS}><OutboxPage /></RequireRole> },
          { path: 'salary', element: <RequireRole roles={MEMBERS}><SalaryPage /></RequireRole> },
          { path: 'salaries', element: <RequireRole roles={BOOK_READERS}><SalaryRequestsPage /></RequireRole> },
          { path: 'change-password', element: <ChangePasswordPage /> },
          { path: 'notifications', element: <NotificationsPage /> },
          { path: 'notifications/:id', element: <OpenNotificationPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
