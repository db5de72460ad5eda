import path from 'node:path';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { z } from 'zod';
import { auditRoutes } from './platform/audit/routes.js';
import { authRoutes } from './platform/auth/routes.js';
import type { Config } from './platform/config.js';
import type { Database } from './platform/db/client.js';
import { localDiskStorage } from './platform/files/local-disk-storage.js';
import type { FileStorage } from './platform/files/storage.js';
import { buildApp } from './platform/http/app.js';
import { sendRequestedResetLinks } from './platform/auth/send-requested-reset-links.js';
import { jobRunner, type JobRunner } from './platform/jobs/job-runner.js';
import type { JobHandler, JobLog } from './platform/jobs/run-due-jobs.js';
import { outboxRoutes } from './platform/mail/routes.js';
import { activityRoutes } from './modules/activities/index.js';
import { jobRoutes } from './modules/jobs/index.js';
import { clientRoutes } from './modules/clients/index.js';
import { invoiceRoutes, RENDER_ISSUED_FILES, renderIssuedFilesJob } from './modules/invoicing/index.js';
import { ledgerRoutes } from './modules/ledger/index.js';
import { coopNames, coopRoutes } from './modules/coops/index.js';
import { memberRoutes, membershipTypeOfUser } from './modules/members/index.js';
import { dashboardRoutes } from './modules/dashboard/index.js';
import { peopleRoutes } from './modules/people/index.js';
import { quotePortalRoutes, quoteRoutes } from './modules/quotes/index.js';
import { paymentRoutes } from './modules/payments/index.js';
import { dunningRoutes } from './modules/dunning/index.js';
import { BANK_STATEMENT_IMPORTED, bankRoutes, statementImportedJob } from './modules/banking/index.js';
import { advanceRoutes, POST_LOAN_INSTALLMENT, postLoanInstallmentJob } from './modules/advances/index.js';
import { treasuryRoutes } from './modules/treasury/index.js';
import { recordLabeller } from './modules/record-labels/index.js';
import { vatRoutes } from './modules/vat/index.js';
import { contributionRoutes, MONTHLY_FLOOR_JOB, monthlyFloorJob } from './modules/contribution/index.js';
import { notificationRoutes, runNotifications } from './modules/notifications/index.js';
import { expenseRoutes, listPayables as listExpenseReportPayables, markPaid as markExpenseReportPaidBy } from './modules/expenses/index.js';
import { listPayables as listSupplierInvoicePayables, markPaid as markSupplierInvoicePaidBy, purchasesRoutes, SEND_LIFECYCLE_STATUS, sendLifecycleStatusJob, storageLifecycleConnector } from './modules/purchases/index.js';
import { listSalaryPayables, markSalaryPaid, pendingSalaryCents, reverseSalaryPayment, salaryRoutes } from './modules/salaries/index.js';
import { CHECK_THRESHOLDS, checkThresholdsJob, independentsRoutes, listMemberInvoicePayables, markMemberInvoicePaidBy, reverseMemberInvoicePayment } from './modules/independents/index.js';
import { payoutMatcher, payoutRoutes, type PayableSources } from './modules/payouts/index.js';
import { directoryRoutes } from './modules/directory/index.js';
import { knowledgePublicRoutes, knowledgeRoutes } from './modules/knowledge/index.js';
import { eventRoutes, SEND_EVENT_REMINDER, sendEventReminderJob } from './modules/events/index.js';
import { cochallengeRoutes } from './modules/cochallenge/index.js';
import { BILL_RESOURCE_MONTH, billResourceMonthJob, planBookingCharges, planRoutes, type ChargeableBookingsOf } from './modules/plans/index.js';
import { listChargeableBookings, resourceRoutes } from './modules/resources/index.js';
import { BILL_MONTHLY_FEES, billMonthlyFeesJob, feeRoutes, feesBilledToUser, feesMatcher, PRENOTIFY_COLLECTION, prenotifyCollectionJob } from './modules/fees/index.js';
import { workclubGuestRoutes, workclubRoutes } from './modules/workclubs/index.js';

const VERSION = '0.1.0';

/** What the coop pays by SEPA transfer, by source module. */
const PAYABLE_SOURCES: PayableSources = {
  member_invoice: { listPayables: listMemberInvoicePayables, markPaid: markMemberInvoicePaidBy, reversePaid: reverseMemberInvoicePayment },
  salary: { listPayables: listSalaryPayables, markPaid: markSalaryPaid, reversePaid: reverseSalaryPayment },
  expense_report: { listPayables: listExpenseReportPayables, markPaid: markExpenseReportPaidBy },
  supplier_invoice: { listPayables: listSupplierInvoicePayables, markPaid: markSupplierInvoicePaidBy },
};

async function healthRoutes(app: FastifyInstance) {
  app.get(
    '/',
    {
      config: { access: 'public' },
      schema: { tags: ['platform'], summary: 'Liveness and database', response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']), version: z.string() }) } },
    },
    async () => {
      await app.deps.database.db.execute('select 1');
      return { status: 'ok' as const, database: app.deps.database.kind, version: VERSION };
    },
  );
}

/** The month's pay-per-use bookings, from the resources module, for the plans' monthly billing. */
const chargeableBookings: ChargeableBookingsOf = (db, coopId, range) => listChargeableBookings(db, coopId, range);

/** The work modules queue in their transactions, by kind: platform's runner knows no module. */
function jobHandlers(database: Database, storage: FileStorage, log: JobLog): Record<string, JobHandler> {
  return {
    [RENDER_ISSUED_FILES]: renderIssuedFilesJob(database.db, storage, log),
    [MONTHLY_FLOOR_JOB]: monthlyFloorJob(database.db),
    [POST_LOAN_INSTALLMENT]: postLoanInstallmentJob(database.db),
    [CHECK_THRESHOLDS]: checkThresholdsJob(database.db),
    // No approved platform (PA) is connected: statuses are written to the files storage until one is.
    [SEND_LIFECYCLE_STATUS]: sendLifecycleStatusJob(database.db, storageLifecycleConnector(storage)),
    // Each module that sends or collects money recognises its own lines of an imported statement.
    [BANK_STATEMENT_IMPORTED]: statementImportedJob(database.db, [payoutMatcher(PAYABLE_SOURCES), feesMatcher]),
    [BILL_MONTHLY_FEES]: billMonthlyFeesJob(database.db, storage),
    [PRENOTIFY_COLLECTION]: prenotifyCollectionJob(database.db),
    [SEND_EVENT_REMINDER]: sendEventReminderJob(database.db),
    [BILL_RESOURCE_MONTH]: billResourceMonthJob(database.db, storage, chargeableBookings),
  };
}

/** The composition root: platform first, then every module's routes under /api. */
export async function createServer(opts: { config: Config; database: Database; storage?: FileStorage; logger?: FastifyServerOptions['logger'] }) {
  const { config, database } = opts;
  const storage = opts.storage ?? localDiskStorage(path.join(config.dataDir, 'files'));
  // The app's logger exists only once the app is built; the runner logs through it then.
  let app: FastifyInstance | undefined;
  const log: JobLog = { warn: (obj, msg) => app?.log.warn(obj, msg), error: (obj, msg) => app?.log.error(obj, msg) };
  const jobs: JobRunner = jobRunner({
    db: database.db,
    handlers: jobHandlers(database, storage, log),
    drains: {
      password_reset_requests: () => sendRequestedResetLinks(database.db, config.publicUrl),
      // Audit records become notifications (and their mails) at every run: see run-notifications.ts.
      notifications: () => runNotifications(database.db, { publicUrl: () => config.publicUrl }),
    },
    log,
  });
  app = await buildApp({
    logger: opts.logger,
    deps: {
      config,
      database,
      storage,
      jobs,
      tenants: { namesOf: (ids) => coopNames(database.db, ids) },
      records: recordLabeller(database.db),
    },
    routes: [
      { prefix: '/api/health', plugin: healthRoutes },
      { prefix: '/api/auth', plugin: authRoutes, options: { membershipTypeOf: (coopId: string, userId: string) => membershipTypeOfUser(database.db, coopId, userId), feesBilledOf: (coopId: string, userId: string) => feesBilledToUser(database.db, coopId, userId) } },
      { prefix: '/api/audit', plugin: auditRoutes },
      { prefix: '/api/outbox', plugin: outboxRoutes },
      { prefix: '/api/coop', plugin: coopRoutes },
      { prefix: '/api/members', plugin: memberRoutes },
      { prefix: '/api/people', plugin: peopleRoutes },
      { prefix: '/api/dashboard', plugin: dashboardRoutes, options: { payableSources: PAYABLE_SOURCES } },
      { prefix: '/api/activities', plugin: activityRoutes },
      { prefix: '/api/jobs', plugin: jobRoutes },
      { prefix: '/api/clients', plugin: clientRoutes },
      { prefix: '/api/ledger', plugin: ledgerRoutes },
      { prefix: '/api/invoices', plugin: invoiceRoutes },
      { prefix: '/api/quotes', plugin: quoteRoutes },
      { prefix: '/api/portal/quotes', plugin: quotePortalRoutes },
      { prefix: '/api/payments', plugin: paymentRoutes },
      { prefix: '/api/dunning', plugin: dunningRoutes },
      { prefix: '/api/bank', plugin: bankRoutes },
      { prefix: '/api/contribution', plugin: contributionRoutes },
      { prefix: '/api/notifications', plugin: notificationRoutes },
      { prefix: '/api/salaries', plugin: salaryRoutes },
      { prefix: '/api/advances', plugin: advanceRoutes },
      { prefix: '/api/treasury', plugin: treasuryRoutes, options: { reservedOf: pendingSalaryCents } },
      { prefix: '/api/independents', plugin: independentsRoutes },
      { prefix: '/api/expenses', plugin: expenseRoutes },
      { prefix: '/api/vat', plugin: vatRoutes },
      { prefix: '/api/purchases', plugin: purchasesRoutes, options: { lifecycleDestination: storageLifecycleConnector(storage).destination } },
      { prefix: '/api/payouts', plugin: payoutRoutes, options: { sources: PAYABLE_SOURCES } },
      { prefix: '/api/fees', plugin: feeRoutes },
      { prefix: '/api/directory', plugin: directoryRoutes },
      { prefix: '/api/knowledge', plugin: knowledgeRoutes },
      { prefix: '/api/public/knowledge', plugin: knowledgePublicRoutes },
      { prefix: '/api/workclubs', plugin: workclubRoutes },
      { prefix: '/api/portal/workclubs', plugin: workclubGuestRoutes },
      { prefix: '/api/events', plugin: eventRoutes },
      { prefix: '/api/cochallenge', plugin: cochallengeRoutes },
      { prefix: '/api/resources', plugin: resourceRoutes, options: { charges: planBookingCharges } },
      { prefix: '/api/plans', plugin: planRoutes, options: { chargeableBookings } },
    ],
  });
  return app;
}
