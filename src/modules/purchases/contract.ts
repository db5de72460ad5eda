import { z } from 'zod';
import { bicSchema, ibanSchema, sirenSchema, siretSchema, vatNumberSchema } from '../../platform/identifiers/zod.js';
import { bilingual } from '../../platform/http/messages.js';
import { pageOf, pageQuery } from '../../platform/http/pagination.js';
import { SUPPLIER_INVOICE_STATUSES } from './domain/supplier-invoice-lifecycle.js';

// Shared by the routes and the web client: the API's types are written once, here.

export { SUPPLIER_INVOICE_STATUSES };
export type { SupplierInvoiceStatus } from './domain/supplier-invoice-lifecycle.js';

const text = (max: number, what: { fr: string; en: string }) =>
  z
    .string({ error: bilingual({ fr: `${what.fr} obligatoire.`, en: `${what.en} required.` }) })
    .trim()
    .min(1, { error: bilingual({ fr: `${what.fr} obligatoire.`, en: `${what.en} required.` }) })
    .max(max, { error: bilingual({ fr: `${max} caractères au plus.`, en: `${max} characters at most.` }) });
const optional = <T extends z.ZodTypeAny>(s: T) => s.nullable().optional();

export const idParams = z.object({ id: z.uuid() });

export const supplierBody = z.object({
  name: text(200, { fr: 'Nom', en: 'Name' }),
  siren: optional(sirenSchema),
  siret: optional(siretSchema),
  vatNumber: optional(vatNumberSchema),
  address: optional(z.string().trim().max(300, { error: bilingual({ fr: '300 caractères au plus.', en: '300 characters at most.' }) })),
  iban: optional(ibanSchema),
  bic: optional(bicSchema),
});
export type SupplierBody = z.infer<typeof supplierBody>;

export const supplier = z.object({
  id: z.uuid(),
  name: z.string(),
  siren: z.string().nullable(),
  siret: z.string().nullable(),
  vatNumber: z.string().nullable(),
  address: z.string().nullable(),
  iban: z.string().nullable(),
  bic: z.string().nullable(),
});
export type Supplier = z.infer<typeof supplier>;
export const supplierList = z.object({ items: z.array(supplier) });

export const SUPPLIER_SORTS = ['name', 'siren'] as const;
/** The suppliers page's search (name, SIREN, VAT number) and sort; the CSV export takes the same. */
export const supplierListQuery = z.object({
  q: z.string().trim().max(100, { error: bilingual({ fr: '100 caractères au plus.', en: '100 characters at most.' }) }).optional(),
  sort: z.enum(SUPPLIER_SORTS).optional(),
  dir: z.enum(['asc', 'desc']).optional(),
});
export type SupplierListQuery = z.infer<typeof supplierListQuery>;

/** A supplier as its page shows it: its 401 auxiliary account (opened on its first entry) and what the coop owes on it. */
export const supplierDetail = supplier.extend({
  auxiliaryNumber: z.string().nullable(),
  /** Credit minus debit of the supplier's 401 lines: positive, the coop owes it. */
  balanceCents: z.number().int(),
});
export type SupplierDetail = z.infer<typeof supplierDetail>;

export const supplierInvoiceListQuery = pageQuery.extend({
  status: z.enum(SUPPLIER_INVOICE_STATUSES).optional(),
  activityId: z.uuid().optional(),
  supplierId: z.uuid().optional(),
});

export const supplierInvoiceLine = z.object({
  position: z.number().int(),
  label: z.string(),
  /** The spending category (expenses module): its 6xx account and whether the cost enters the contribution base. */
  spendingCategoryId: z.uuid().nullable(),
  /** The 6xx account the category gives, as booked once approved. */
  account: z.string().nullable(),
  netCents: z.number().int(),
  vatRateBp: z.number().int(),
  vatCents: z.number().int(),
});

export const lifecycleStatus = z.object({
  status: z.enum(SUPPLIER_INVOICE_STATUSES),
  code: z.number().int(),
  label: z.string(),
  reason: z.string().nullable(),
  at: z.string(),
  byName: z.string().nullable(),
  sentAt: z.string().nullable(),
  sentTo: z.string().nullable(),
});

const readParty = z.object({ name: z.string(), siren: z.string().nullable(), vatNumber: z.string().nullable(), countryCode: z.string().nullable(), address: z.string().nullable() });

/** What was read from the received file, as staff check it beside the PDF. */
export const readModel = z.object({
  syntax: z.enum(['cii', 'ubl']),
  typeCode: z.string(),
  kind: z.enum(['invoice', 'credit_note']),
  number: z.string(),
  issueDate: z.string(),
  dueDate: z.string().nullable(),
  currency: z.string(),
  seller: readParty,
  buyer: readParty,
  lines: z.array(z.object({ id: z.string(), label: z.string(), netCents: z.number().int(), vatCategory: z.string(), vatRateBp: z.number().int().nullable() })),
  vat: z.array(z.object({ category: z.string(), rateBp: z.number().int().nullable(), baseCents: z.number().int(), vatCents: z.number().int() })),
  totals: z.object({
    lineTotalCents: z.number().int(),
    allowancesCents: z.number().int(),
    chargesCents: z.number().int(),
    netCents: z.number().int(),
    vatCents: z.number().int(),
    grossCents: z.number().int(),
    prepaidCents: z.number().int(),
    roundingCents: z.number().int(),
    dueCents: z.number().int(),
  }),
  payeeIban: z.string().nullable(),
  payeeBic: z.string().nullable(),
});

export const supplierInvoiceSummary = z.object({
  id: z.uuid(),
  supplierId: z.uuid(),
  supplierName: z.string(),
  activityId: z.uuid().nullable(),
  activityName: z.string().nullable(),
  kind: z.enum(['invoice', 'credit_note']),
  typeCode: z.string(),
  number: z.string(),
  issueDate: z.string(),
  dueDate: z.string().nullable(),
  netCents: z.number().int(),
  vatCents: z.number().int(),
  grossCents: z.number().int(),
  status: z.enum(SUPPLIER_INVOICE_STATUSES),
  statusReason: z.string().nullable(),
  origin: z.enum(['manual', 'upload', 'api']),
  format: z.enum(['facturx', 'cii', 'ubl']).nullable(),
  receivedAt: z.string(),
  paidOn: z.string().nullable(),
});
export type SupplierInvoiceSummary = z.infer<typeof supplierInvoiceSummary>;
export const supplierInvoicePage = pageOf(supplierInvoiceSummary);

export const supplierInvoice = supplierInvoiceSummary.extend({
  payeeIban: z.string().nullable(),
  payeeBic: z.string().nullable(),
  fileName: z.string().nullable(),
  mediaType: z.string().nullable(),
  sha256: z.string().nullable(),
  hasFile: z.boolean(),
  purchaseEntryId: z.uuid().nullable(),
  paymentEntryId: z.uuid().nullable(),
  lines: z.array(supplierInvoiceLine),
  readModel: readModel.nullable(),
  statuses: z.array(lifecycleStatus),
  supplier,
});
export type SupplierInvoice = z.infer<typeof supplierInvoice>;

/** Optional fields of an upload (multipart): the activity the invoice is for, when known. */
export const receiveFields = z.object({ activityId: z.uuid().optional() });

const spendingCategoryId = z.uuid({ error: bilingual({ fr: 'Catégorie de dépense obligatoire.', en: 'Spending category required.' }) });

/** What staff set on a received invoice before approving it: the activity and each line's spending category. */
export const updateSupplierInvoiceBody = z.object({
  activityId: z.uuid().nullable().optional(),
  lines: z
    .array(z.object({ position: z.number().int().min(1).max(999), spendingCategoryId }))
    .max(999)
    .optional(),
});

export const reasonBody = z.object({ reason: text(500, { fr: 'Motif', en: 'Reason' }) });

const isoDate = z.iso.date({ error: bilingual({ fr: 'Date invalide (AAAA-MM-JJ).', en: 'Invalid date (YYYY-MM-DD).' }) });

export const markPaidBody = z.object({
  bankAccountId: z.uuid().optional(),
  paidOn: isoDate,
  reference: text(140, { fr: 'Référence du paiement', en: 'Payment reference' }),
});

export const apiTokenBody = z.object({ label: text(100, { fr: 'Libellé', en: 'Label' }) });
export const apiToken = z.object({
  id: z.uuid(),
  label: z.string(),
  scope: z.literal('inbound_invoices'),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export const apiTokenList = z.object({ items: z.array(apiToken) });
/** The token itself, shown once at creation. */
export const createdApiToken = apiToken.extend({ token: z.string() });

const lineCents = z
  .number({ error: bilingual({ fr: 'Montant obligatoire.', en: 'Amount required.' }) })
  .int({ error: bilingual({ fr: 'Montant en centimes entiers.', en: 'Amount in whole cents.' }) })
  .min(0, { error: bilingual({ fr: 'Montant positif ou nul.', en: 'Amount zero or more.' }) })
  .max(100_000_000, { error: bilingual({ fr: 'Montant trop élevé (1 000 000 € au plus).', en: 'Amount too large (1,000,000 € at most).' }) });

/** French VAT rates a purchase line may carry (0 for a supplier under the franchise or outside VAT). */
export const PURCHASE_VAT_RATES_BP = [0, 210, 550, 1000, 2000] as const;

/** A supplier invoice typed by hand (a paper or plain-PDF invoice): lines with their VAT, totals checked. */
export const enterSupplierInvoiceBody = z.object({
  supplierId: z.uuid(),
  activityId: z.uuid().nullable().optional(),
  kind: z.enum(['invoice', 'credit_note']).default('invoice'),
  number: text(100, { fr: 'Numéro', en: 'Number' }),
  issueDate: isoDate,
  dueDate: isoDate.nullable().optional(),
  lines: z
    .array(
      z.object({
        label: text(300, { fr: 'Libellé', en: 'Label' }),
        spendingCategoryId,
        netCents: lineCents,
        vatRateBp: z.number().int().refine((r) => (PURCHASE_VAT_RATES_BP as readonly number[]).includes(r), { error: bilingual({ fr: 'Taux de TVA : 0, 2,1, 5,5, 10 ou 20 %.', en: 'VAT rate: 0, 2.1, 5.5, 10 or 20 %.' }) }),
        vatCents: lineCents,
      }),
    )
    .min(1, { error: bilingual({ fr: 'Au moins une ligne.', en: 'At least one line.' }) })
    .max(200, { error: bilingual({ fr: '200 lignes au plus.', en: '200 lines at most.' }) }),
  /** The totals printed on the invoice: they must be the sums of the lines. */
  netCents: lineCents,
  vatCents: lineCents,
  grossCents: lineCents,
});
export type EnterSupplierInvoiceBody = z.infer<typeof enterSupplierInvoiceBody>;
