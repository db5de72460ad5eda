import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deflateSync } from 'node:zlib';
import { expenseReports } from '../../src/modules/expenses/schema.js';
import { journalEntryLines } from '../../src/modules/ledger/schema.js';
import { DEMO, type E2E, logIn, see, seeNo, seeText, startE2E, watchJourney } from './support/harness.js';

/**
 * A member files an expense report with a receipt (a PNG made here) and a trip at the mileage
 * scale, the advisor returns it once with a comment, the member fixes it and submits again,
 * the advisor validates it (the expenses are booked on her activity) and records the refund.
 */
let e2e: E2E;

/** A 2×2 white PNG, built byte by byte (signature, IHDR, IDAT, IEND with their CRCs). */
function png(): Buffer {
  const table = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = table[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const ihdr = Buffer.from([0, 0, 0, 2, 0, 0, 0, 2, 8, 0, 0, 0, 0]);
  const rows = Buffer.from([0, 255, 255, 0, 255, 255]);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

beforeAll(async () => {
  e2e = await startE2E();
}, 240_000);
afterAll(async () => {
  await e2e?.close();
});
watchJourney('expense-report', () => e2e);

describe('an expense report, from the receipt to the refund', () => {
  let number = '';
  let url = '';

  it('the member opens a report, adds an expense with its receipt and a trip priced at the mileage scale, and submits it', async () => {
    const { page } = await e2e.newPage({ width: 390, height: 844 });
    await logIn(page, DEMO.member);
    await page.goto('/expenses');
    await page.getByTestId('expense-activity').click();
    await page.getByRole('option', { name: /Camille Martin Graphisme/ }).click();
    await page.getByTestId('expense-title').fill('Salon de Nantes');
    await page.getByTestId('expense-create').click();
    await page.waitForURL(/\/expenses\/[0-9a-f-]{36}$/);
    url = new URL(page.url()).pathname;

    await page.getByTestId('expense-line-description').fill('Fournitures pour le stand');
    await page.getByTestId('expense-line-category').click();
    await page.getByRole('option', { name: 'Fournitures administratives' }).click();
    await page.getByTestId('expense-line-gross').fill('60');
    await page.getByTestId('expense-line-add').click();
    await see(page.getByTestId('expense-line-expense'));
    await page.locator('input[type=file]').first().setInputFiles({ name: 'ticket.png', mimeType: 'image/png', buffer: png() });
    await see(page.getByTestId('expense-receipt-link'));

    // The scale in force is named, and the allowance shown before the line is added.
    await seeText(page.getByTestId('expense-scale-note'), 'Barème kilométrique');
    await page.getByTestId('expense-trip').fill('Atelier – Nantes');
    await page.getByTestId('expense-distance').fill('100');
    await seeText(page.getByTestId('expense-mileage-quote'), 'Indemnité');
    await page.getByTestId('expense-mileage-add').click();
    await see(page.getByTestId('expense-line-mileage'));

    await page.getByTestId('expense-submit').click();
    await seeText(page.getByTestId('expense-report-status'), 'À valider');
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
    const id = url.split('/').pop()!;
    const [row] = await e2e.database.db.select().from(expenseReports).where(eq(expenseReports.id, id));
    expect(row!.status).toBe('submitted');
    number = row!.number;
  });

  it('the advisor returns it with a comment; the member sees it, removes the trip and submits again', async () => {
    const advisor = await e2e.newPage();
    await logIn(advisor.page, DEMO.advisor);
    await advisor.page.goto('/expenses?status=submitted');
    await advisor.page.getByTestId(`expense-report-${number}`).getByTestId('expense-report-link').click();
    await advisor.page.getByTestId('expense-return').click();
    await advisor.page.getByTestId('expense-comment').fill('Le trajet est déjà sur la note du mois dernier.');
    await advisor.page.getByTestId('expense-comment-submit').click();
    await seeText(advisor.page.getByTestId('expense-report-status'), 'À modifier');

    const { page } = await e2e.newPage({ width: 390, height: 844 });
    await logIn(page, DEMO.member);
    await page.goto(url);
    await seeText(page.getByTestId('expense-step-returned'), 'Le trajet est déjà sur la note du mois dernier.');
    await page.getByTestId('expense-line-mileage').getByRole('button', { name: 'Retirer' }).click();
    await seeNo(page.getByTestId('expense-line-mileage'));
    await page.getByTestId('expense-submit').click();
    await seeText(page.getByTestId('expense-report-status'), 'À valider');
  });

  it('the advisor validates it (booked on the activity) and records the refund', async () => {
    const { page } = await e2e.newPage();
    await logIn(page, DEMO.advisor);
    await page.goto(url);
    await page.getByTestId('expense-validate').click();
    await seeText(page.getByTestId('expense-report-status'), 'Validée');
    await seeText(page.getByTestId('expense-total-refund'), '60,00');
    await page.getByTestId('expense-pay').click();
    await page.getByTestId('expense-pay-submit').click();
    await seeText(page.getByTestId('expense-report-status'), 'Remboursée');
    await see(page.getByTestId('expense-step-paid'));

    const id = url.split('/').pop()!;
    const [row] = await e2e.database.db.select().from(expenseReports).where(eq(expenseReports.id, id));
    expect(row).toMatchObject({ status: 'paid', totalGrossCents: 6_000, refundCents: 6_000 });
    const lines = await e2e.database.db.select().from(journalEntryLines).where(and(eq(journalEntryLines.coopId, row!.coopId), eq(journalEntryLines.entryId, row!.validationEntryId!)));
    expect(lines.map((l) => [l.accountNumber, Number(l.debitCents), Number(l.creditCents)]).sort()).toEqual([
      ['44566', 1_000, 0],
      ['4671', 0, 6_000],
      ['6064', 5_000, 0],
    ]);
  });
});
