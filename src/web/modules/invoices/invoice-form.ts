// Pure, and tested without a browser: it takes the documents' line form, not their front door that also brings the components.
import type { InvoiceDetail, NewInvoice } from '../../../modules/invoicing/contract';
import type { Wire } from '../../lib/wire';
import { emptyLine, lineValuesOf, parseLines, type LineValues, type ParsedLines } from '../documents/pure';

export interface InvoiceFormValues {
  kind: 'invoice' | 'deposit';
  activityId: string;
  clientId: string;
  /** The job the invoice belongs to; '' for none. */
  jobId: string;
  dateMode: 'date' | 'period';
  serviceDate: string;
  periodStart: string;
  periodEnd: string;
  paymentTermsDays: number;
  paymentTermsEndOfMonth: boolean;
  operationCategory: 'goods' | 'services' | 'both';
  notes: string;
  lines: LineValues[];
}

export function newInvoiceValues(defaults: { activityId?: string; clientId?: string; jobId?: string; paymentTermsDays?: number; today: string }): InvoiceFormValues {
  return {
    kind: 'invoice',
    activityId: defaults.activityId ?? '',
    clientId: defaults.clientId ?? '',
    jobId: defaults.jobId ?? '',
    dateMode: 'date',
    serviceDate: defaults.today,
    periodStart: '',
    periodEnd: '',
    paymentTermsDays: defaults.paymentTermsDays ?? 30,
    paymentTermsEndOfMonth: false,
    operationCategory: 'services',
    notes: '',
    lines: [emptyLine()],
  };
}

/** The form of a saved draft. */
export function valuesOfInvoice(invoice: Wire<InvoiceDetail>, lang: string): InvoiceFormValues {
  return {
    kind: invoice.kind === 'deposit' ? 'deposit' : 'invoice',
    activityId: invoice.activityId,
    clientId: invoice.clientId,
    jobId: invoice.jobId ?? '',
    dateMode: invoice.servicePeriod ? 'period' : 'date',
    serviceDate: invoice.serviceDate ?? '',
    periodStart: invoice.servicePeriod?.start ?? '',
    periodEnd: invoice.servicePeriod?.end ?? '',
    paymentTermsDays: invoice.paymentTermsDays,
    paymentTermsEndOfMonth: invoice.paymentTermsEndOfMonth,
    operationCategory: invoice.operationCategory,
    notes: invoice.notes ?? '',
    lines: invoice.lines.map((l) => lineValuesOf(l, lang)),
  };
}

/** The body of a create or an update. */
export function bodyOf(values: InvoiceFormValues): { body: NewInvoice; typing: ParsedLines['typing'] } {
  const { lines, typing } = parseLines(values.lines);
  return {
    typing,
    body: {
      kind: values.kind,
      activityId: values.activityId,
      clientId: values.clientId,
      jobId: values.jobId || null,
      serviceDate: values.dateMode === 'date' ? values.serviceDate || null : null,
      servicePeriod: values.dateMode === 'period' && values.periodStart && values.periodEnd ? { start: values.periodStart, end: values.periodEnd } : null,
      paymentTermsDays: values.paymentTermsDays,
      paymentTermsEndOfMonth: values.paymentTermsEndOfMonth,
      operationCategory: values.operationCategory,
      notes: values.notes.trim() || null,
      lines,
    },
  };
}
