import { deflateSync } from 'node:zlib';
import type { Db } from '../platform/db/client.js';
import type { FileStorage } from '../platform/files/storage.js';
import type { Actor } from '../platform/http/context.js';
import { addExpenseLine, attachReceipt, createExpenseReport, listSpendingCategories, markExpenseReportPaid, submitExpenseReport, validateExpenseReport } from '../modules/expenses/index.js';

/** A small grey PNG standing for the photo of a ticket (the demo ships no images). */
function receiptPng(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const [w, h] = [40, 60];
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.writeUInt8(8, 8); // bit depth
  ihdr.writeUInt8(0, 9); // greyscale
  const rows = Buffer.concat(Array.from({ length: h }, (_, y) => Buffer.concat([Buffer.from([0]), Buffer.alloc(w, y % 6 === 0 ? 120 : 235)])));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

/**
 * Camille's expense reports: the trade fair of last month, validated and refunded (goods
 * bought to resell at the stand, in the contribution base, and the trip), the printer ink of
 * last week, validated and waiting for its transfer (on the payouts page, to the IBAN of her
 * profile since the report names none), and this week's client visit, submitted and waiting
 * for the advisor.
 */
export async function seedDemoExpenses(ctx: { db: Db; storage: FileStorage; advisor: Actor; member: Actor; activityId: string; today: string }): Promise<void> {
  const { db, storage, advisor, member, activityId, today } = ctx;
  const categories = new Map((await listSpendingCategories(db, member.coopId)).map((c) => [c.code, c.id]));
  const png = receiptPng();
  const withReceipt = async (reportId: string, line: Parameters<typeof addExpenseLine>[3], name: string) => {
    const row = await addExpenseLine(db, member, reportId, line, today);
    await attachReceipt(db, storage, member, reportId, row.id, { bytes: png, fileName: name });
  };

  const fair = await createExpenseReport(db, member, { activityId, title: 'Salon du livre de Lyon', payeeIban: 'FR7630004000031234567890143' });
  await withReceipt(fair.id, { kind: 'expense', spentOn: today, description: 'Affiches imprimées pour le stand (revendues)', categoryId: categories.get('goods_for_resale')!, grossCents: 18_000, vatRateBp: 2000 }, 'facture-imprimerie.png');
  await withReceipt(fair.id, { kind: 'expense', spentOn: today, description: 'Déjeuner avec un éditeur', categoryId: categories.get('receptions')!, grossCents: 4_620, vatRateBp: 1000 }, 'ticket-restaurant.png');
  await addExpenseLine(db, member, fair.id, { kind: 'mileage', spentOn: today, description: 'Atelier – Eurexpo, aller-retour', horsepower: 4, distanceKm: 46 }, today);
  await submitExpenseReport(db, member, fair.id);
  await validateExpenseReport(db, advisor, fair.id, today);
  await markExpenseReportPaid(db, advisor, fair.id, { paidOn: today }, today);

  const ink = await createExpenseReport(db, member, { activityId, title: "Cartouches d'encre de l'atelier" });
  await withReceipt(ink.id, { kind: 'expense', spentOn: today, description: "Cartouches d'encre pour l'imprimante", categoryId: categories.get('office_supplies')!, grossCents: 7_440, vatRateBp: 2000 }, 'facture-encre.png');
  await submitExpenseReport(db, member, ink.id);
  await validateExpenseReport(db, advisor, ink.id, today);

  const visit = await createExpenseReport(db, member, { activityId, title: 'Rendez-vous client à Villeurbanne', payeeIban: 'FR7630004000031234567890143' });
  await withReceipt(visit.id, { kind: 'expense', spentOn: today, description: 'Parking', categoryId: categories.get('travel')!, grossCents: 900, vatRateBp: 2000 }, 'parking.png');
  await addExpenseLine(db, member, visit.id, { kind: 'mileage', spentOn: today, description: 'Atelier – Villeurbanne, aller-retour', horsepower: 4, distanceKm: 18 }, today);
  await submitExpenseReport(db, member, visit.id);
}
