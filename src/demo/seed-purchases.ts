import type { Db } from '../platform/db/client.js';
import type { FileStorage } from '../platform/files/storage.js';
import type { Actor } from '../platform/http/context.js';
import { getCoop } from '../modules/coops/index.js';
import { computeTotals, documentMentions, renderDocumentPdf, type InvoiceDocument } from '../modules/documents/index.js';
import { createSupplier, receiveSupplierInvoice } from '../modules/purchases/index.js';

/**
 * Two suppliers of the demo coop and, from the first, a Factur-X invoice for the eco-renovation
 * collective's insulation, received today and waiting for the accountant's approval. The PDF is
 * written by the platform's own Factur-X writer, as the supplier's software would have.
 */
export async function seedDemoPurchases(ctx: { db: Db; storage: FileStorage; advisor: Actor; activityId: string; today: string }): Promise<void> {
  const { db, storage, advisor, activityId, today } = ctx;
  const coop = await getCoop(db, advisor.coopId);
  await createSupplier(db, advisor, {
    name: 'Bureau Vallée Lyon Part-Dieu',
    siren: '732829320',
    vatNumber: 'FR44732829320',
    address: '12 rue de la Charité, 69002 Lyon',
    iban: 'FR7630006000011234567890189',
    bic: 'AGRIFRPP',
  });
  const lines = [
    { name: 'Panneaux de fibre de bois 100 mm', unitCode: 'MTK', quantityMilli: 48_000, unitPriceCents: 1_890, vatCategory: 'S' as const, vatRateBp: 2000 },
    { name: 'Livraison sur chantier', unitCode: 'C62', quantityMilli: 1_000, unitPriceCents: 6_500, vatCategory: 'S' as const, vatRateBp: 2000 },
  ];
  const doc = {
    kind: 'invoice',
    number: 'BN-2026-0412',
    issueDate: today,
    deliveryDate: today,
    dueDate: today,
    paymentTermsText: 'À réception',
    seller: {
      name: 'Isolants Biosourcés du Rhône SAS',
      siren: '443061841',
      siret: '44306184100047',
      vatNumber: 'FR64443061841',
      legalInfo: 'SAS au capital de 50 000 €, RCS Lyon 443 061 841',
      address: { line1: '8 chemin des Scieries', postcode: '69600', city: 'Oullins', countryCode: 'FR' },
      email: 'factures@isolants-rhone.example',
      electronicAddress: { scheme: '0225', value: '443061841' },
      iban: 'FR14 2004 1010 0505 0001 3M02 606',
      bic: 'PSSTFRPPLYO',
    },
    buyer: {
      kind: 'company',
      name: coop.name,
      siren: coop.siren,
      vatNumber: coop.vatNumber,
      address: { line1: coop.addressLine1, postcode: coop.postalCode, city: coop.city, countryCode: 'FR' },
      electronicAddress: { scheme: '0225', value: coop.siren },
    },
    lines,
    totals: computeTotals({ lines }),
    mentions: documentMentions({ latePenalty: { kind: 'fixed', rateBp: 1200 }, vatOnDebits: false }, { buyerKind: 'company', operationCategory: 'goods' }),
  } as InvoiceDocument;
  const pdf = Buffer.from(await renderDocumentPdf(doc, { facturX: true }));
  await receiveSupplierInvoice(db, storage, advisor, { fileName: 'BN-2026-0412.pdf', bytes: pdf }, { origin: 'upload', activityId });
}
