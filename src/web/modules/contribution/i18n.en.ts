import type { Translation } from '../../i18n/translation';
import type { fr } from './i18n.fr';

/** The contribution's texts, English. */
export const en: Translation<typeof fr> = {
  settings: {
    title: 'Contribution floor and ceiling',
    intro:
      "The rate and when it is taken are set above. Every contribution is posted to the books (account 6581 of the activity, 7588 of the cooperative); a change applies to the next contributions, never to those already posted.",
    floor: 'Floor',
    floorHint: 'Leave empty: no minimum.',
    ceiling: 'Ceiling',
    ceilingHint: 'Leave empty: no maximum.',
    period: 'The floor and ceiling apply',
    periods: {
      invoice: 'per invoice',
      month: 'per month and activity',
    },
    periodHelp: {
      invoice: 'Each invoice contributes at least the floor (never more than its revenue excl. VAT) and at most the ceiling.',
      month:
        "Ceiling: an activity's contribution over a calendar month never exceeds it (later invoices of the month contribute less, down to 0). Floor: at month end, if an active activity's contribution of the month is below it, a top-up is posted on the month's last day.",
    },
    save: 'Save',
    saved: 'Floor and ceiling saved.',
    badAmount: 'Invalid amount (0 to €1,000,000).',
    floorAboveCeiling: 'The floor exceeds the ceiling.',
  },
  activity: {
    title: 'Cooperative contribution',
    year: 'Contribution {{year}}',
    rule: '{{rate}} of revenue excl. VAT, taken {{basis}}',
    basis: {
      validation: 'when each invoice is validated',
      payment: 'as payments come in',
    },
    floor: 'Floor: {{amount}} {{period}}',
    ceiling: 'Ceiling: {{amount}} {{period}}',
    periodOf: {
      invoice: 'per invoice',
      month: 'per month',
    },
    override: 'Rule of this activity',
    ownRate: "The activity's own rate",
    ownRateHint: "Leave empty: the cooperative's rate.",
    ownBounds: "The activity's own floor and ceiling",
    ownBoundsHint: "Otherwise: the cooperative's.",
    save: 'Save the rule',
    saved: 'Contribution rule saved: it applies to the next invoices.',
  },
  invoice: {
    line: 'Cooperative contribution ({{rate}})',
    lineMixed: 'Cooperative contribution',
    hint: {
      validation: 'Taken when the invoice was validated.',
      payment: 'Taken as payments come in.',
    },
  },
};
