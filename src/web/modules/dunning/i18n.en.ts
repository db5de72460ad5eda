import type { Translation } from '../../i18n/translation';
import type { fr } from './i18n.fr';

// The dunning module's strings in English: the same keys as i18n.fr.ts, checked by its type.
export const en: Translation<typeof fr> = {
  nav: 'Dunning',
  title: 'Dunning',
  intro: 'Overdue invoices the cooperative is chasing: reminders by e-mail, formal notice, then recovery. Dunning runs every day on its own; you can also run it now.',
  stateFilter: 'Cases to show',
  states: {
    open: 'In progress',
    recovery: 'In recovery',
    settled: 'Settled',
    all: 'All',
  },
  columns: {
    invoice: 'Invoice',
    client: 'Client',
    dueDate: 'Due date',
    left: 'Left to pay',
    lastStep: 'Last step',
    actions: 'Actions',
  },
  kinds: {
    reminder: 'Reminder',
    formal_notice: 'Formal notice',
    recovery: 'Recovery',
  },
  actions: {
    sent: 'Sent by e-mail',
    skipped: 'Passed over (catch-up)',
    no_email: 'No e-mail: to send by post',
    recorded: 'Recorded',
  },
  settled: 'Settled',
  empty: 'No invoice in these cases.',
  run: {
    button: 'Run now',
    done: 'Dunning steps taken: {{count}}.',
    nothing: 'Nothing to send today.',
    disabled: 'Dunning is turned off for the cooperative.',
  },
  plan: {
    title: 'Dunning plan:',
    step: 'D+{{day}} · {{kind}}',
    disabled: 'Off',
    edit: 'Change',
  },
  history: {
    title: 'History',
    toggle: 'Show or hide the history of invoice {{number}}',
    line: 'Step {{step}}, due on {{dueOn}}, taken on {{at}} · left to pay {{left}}',
    byScheduler: 'automatic',
    byPerson: 'run from this page',
    to: 'Sent to {{email}}',
    letter: 'Formal notice letter (PDF)',
  },
  recovery: {
    export: 'Recovery file',
    exportFor: 'Download the recovery file of invoice {{number}} (CSV)',
    exportedOn: 'Exported on {{date}}',
  },
  settings: {
    title: 'Chasing unpaid invoices',
    intro: 'The steps, in days after the due date, an unpaid invoice goes through. Each step happens once per invoice; when several steps fall due on the same day, only the furthest one is sent.',
    enabled: 'Chase overdue invoices automatically',
    day: 'Delay (days)',
    dayOf: 'Step {{n}}: days after the due date',
    kindOf: 'Step {{n}}: action',
    kind: 'Action',
    remove: 'Remove step {{n}}',
    add: 'Add a step',
    noStep: 'No step: no reminder will be sent.',
    legal: 'The formal notice claims from business clients the late-payment penalties at the cooperative’s rate and the fixed 40 € recovery indemnity (art. L441-10 and D441-5 of the French Commercial Code), and gives 8 days to pay. At recovery, the invoice joins the list of files to hand over to a bailiff or a collection partner.',
    saved: 'Dunning plan saved.',
  },
};
