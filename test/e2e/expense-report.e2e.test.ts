import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deflateSync } from 'node:zlib';
import { coops } from '../../src/modules/coops/schema.js';
import { expenseReports } from '../../src/modules/expenses/schema.js';
import { journalEntryLines } from '../../src/modules/ledger/schema.js';
import { members } from '../../src/modules/members/schema.js';
import { payoutItems } from '../../src/modules/payouts/schema.js';
import { buildCamt053 } from '../support/camt053-builder.js';
import { parisToday } from './support/dates.js';
import { DEMO, type E2E, logIn, see, seeNo, seeText, startE2E, watchJourney } from './support/harness.js';

/**
 * A member files an expense report with a receipt (a PNG made here) and a trip at the mileage
 * scale, the advisor returns it once with a comment, the member fixes it and submits again,
 * the advisor validates it (the expenses are booked on her activity). The refund leaves by
 * SEPA transfer: the accountant puts it in a batch, a second person approves it (the coop asks
 * for it), the accountant downloads the pain.001 and imports the bank statement whose debit
 * carries the transfer's EndToEndId, and the report is paid, as the member sees.
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

/** Picks a file as a person does: the file field opens the browser's file chooser. */
async function chooseFile(page: Page, file: { name: string; mimeType: string; buffer: Buffer }) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('bank-import-file').click()]);
  await chooser.setFiles(file);
}

describe('an expense report, from the receipt to the refund', () => {
  let number = '';
  let url = '';
  let endToEndId = '';

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

  it('the advisor validates it: booked on the activity, the refund owed to her', async () => {
    const { page } = await e2e.newPage();
    await logIn(page, DEMO.advisor);
    await page.goto(url);
    await page.getByTestId('expense-validate').click();
    await seeText(page.getByTestId('expense-report-status'), 'Validée');
    await seeText(page.getByTestId('expense-total-refund'), '60,00');

    const id = url.split('/').pop()!;
    const [row] = await e2e.database.db.select().from(expenseReports).where(eq(expenseReports.id, id));
    expect(row).toMatchObject({ status: 'validated', totalGrossCents: 6_000, refundCents: 6_000 });
    const lines = await e2e.database.db.select().from(journalEntryLines).where(and(eq(journalEntryLines.coopId, row!.coopId), eq(journalEntryLines.entryId, row!.validationEntryId!)));
    expect(lines.map((l) => [l.accountNumber, Number(l.debitCents), Number(l.creditCents)]).sort()).toEqual([
      ['44566', 1_000, 0],
      ['4671', 0, 6_000],
      ['6064', 5_000, 0],
    ]);
  });

  it('the refund leaves in a SEPA batch: the accountant builds it, the advisor approves it, the file is a pain.001.001.09 with the transfer', async () => {
    // The coop's management asks for a second approval of every batch.
    const admin = await e2e.newPage();
    await logIn(admin.page, DEMO.admin);
    await admin.page.goto('/payouts');
    // The switch shows the saved setting: it turns on once the server has it.
    await admin.page.getByTestId('payout-second-approval').click();
    await expect.poll(() => admin.page.getByTestId('payout-second-approval').isChecked()).toBe(true);

    // The accountant's dashboard says transfers wait, and leads to them.
    const { page } = await e2e.newPage();
    await logIn(page, DEMO.accountant);
    await page.goto('/');
    await page.getByTestId('queue-payoutsToMake').click();
    await page.waitForURL(/\/payouts$/);
    // No IBAN on the report: the refund goes to the one of Camille's profile.
    const payable = page.getByTestId('payable-row').filter({ hasText: `Note de frais ${number}` });
    await seeText(payable, '••••8945');
    await payable.getByTestId('payable-pick').check();
    // The coop's one account is already the one debited.
    await expect.poll(() => page.getByTestId('payout-bank-account').inputValue()).toContain('(0189)');
    await page.getByTestId('payout-build').click();
    const batch = page.getByTestId('batch-row').first();
    await seeText(batch.getByTestId('batch-status'), 'À approuver');
    await seeNo(page.getByTestId('payable-row').filter({ hasText: `Note de frais ${number}` }));
    await see(batch.getByText('En attente d’approbation par une seconde personne', { exact: false }));

    // Another person of the money team sees it in their queue and approves it.
    const advisor = await e2e.newPage();
    await logIn(advisor.page, DEMO.advisor);
    await advisor.page.goto('/');
    await seeText(advisor.page.getByTestId('queue-payoutBatchesToApprove-count'), '1');
    await advisor.page.getByTestId('queue-payoutBatchesToApprove').click();
    await advisor.page.waitForURL(/\/payouts$/);
    await advisor.page.getByTestId('batch-row').first().getByTestId('batch-approve').click();
    await seeText(advisor.page.getByTestId('batch-row').first().getByTestId('batch-status'), 'Envoyé (0/1 payés)');

    await page.reload();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('batch-row').first().getByTestId('batch-download').click()]);
    const xml = readFileSync((await download.path())!, 'utf8');
    const id = url.split('/').pop()!;
    const [item] = await e2e.database.db.select().from(payoutItems).where(eq(payoutItems.sourceId, id));
    endToEndId = item!.endToEndId;
    expect(xml).toContain('urn:iso:std:iso:20022:tech:xsd:pain.001.001.09');
    expect(xml).toContain(`<EndToEndId>${endToEndId}</EndToEndId>`);
    expect(xml).toContain('<InstdAmt Ccy="EUR">60.00</InstdAmt>');
    expect(xml).toContain('<IBAN>FR7610278000000012345678945</IBAN>');
    // Kept for scripts/validate-sepa.sh, which checks every file the tests build against its XSD.
    mkdirSync(path.resolve('.tmp/sepa'), { recursive: true });
    writeFileSync(path.resolve('.tmp/sepa/e2e-expense-refund.xml'), xml);
  });

  it('the statement shows the debit: the transfer and the report are paid, and the member sees it', async () => {
    // On a phone: the batches turn into cards, the transfers open at the foot of theirs.
    const { page } = await e2e.newPage({ width: 390, height: 844 });
    await logIn(page, DEMO.accountant);
    const [coop] = await e2e.database.db.select({ iban: coops.iban }).from(coops).where(eq(coops.name, DEMO.coopName));
    const statement = buildCamt053({ iban: coop!.iban!, statementId: 'e2e-refunds', entries: [{ amountCents: -6_000, bookingDate: parisToday(), txs: [{ amountCents: -6_000, endToEndId, name: 'Camille Martin' }] }] });
    await page.goto('/bank');
    await page.getByTestId('bank-import-open').click();
    await chooseFile(page, { name: 'releve-virements.xml', mimeType: 'application/xml', buffer: Buffer.from(statement) });
    await page.getByTestId('bank-import-submit').click();
    await seeText(page.getByTestId('bank-import-result'), '1 ligne ajoutée.');

    // The statement's matcher runs as a job after the import: wait for it, then look.
    await expect.poll(async () => (await e2e.database.db.select({ status: payoutItems.status }).from(payoutItems).where(eq(payoutItems.endToEndId, endToEndId)))[0]?.status, { timeout: 15_000 }).toBe('paid');
    await page.goto('/payouts');
    const batch = page.getByTestId('batch-row').first();
    await seeText(batch.getByTestId('batch-status'), 'Payé');
    await batch.getByTestId('batch-open').click();
    await seeText(page.getByTestId('batch-item-row').filter({ hasText: `Note de frais ${number}` }), 'Payé le');
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);

    const member = await e2e.newPage({ width: 390, height: 844 });
    await logIn(member.page, DEMO.member);
    await member.page.goto(url);
    await seeText(member.page.getByTestId('expense-report-status'), 'Remboursée');
    await see(member.page.getByTestId('expense-step-paid'));
    const [row] = await e2e.database.db.select().from(expenseReports).where(eq(expenseReports.id, url.split('/').pop()!));
    expect(row).toMatchObject({ status: 'paid', refundCents: 6_000 });
  });

  it('the member finds on her profile the account her refunds go to, by groups of 4, and a wrong one is refused under the field', async () => {
    const { page } = await e2e.newPage({ width: 390, height: 844 });
    await logIn(page, DEMO.member);
    await page.goto('/me');
    await seeText(page.getByTestId('bank-details-use'), 'remboursements de notes de frais');
    await expect.poll(() => page.getByTestId('member-iban').inputValue()).toBe('FR76 1027 8000 0000 1234 5678 945');
    await page.getByTestId('member-iban').fill('FR76 1027 8000 0000 1234 5678 946');
    await page.getByTestId('profile-save').click();
    await seeText(page.getByText('IBAN invalide', { exact: false }).first(), 'IBAN invalide');
    const [coop] = await e2e.database.db.select({ id: coops.id }).from(coops).where(eq(coops.name, DEMO.coopName));
    const [camille] = await e2e.database.db.select({ iban: members.iban }).from(members).where(and(eq(members.coopId, coop!.id), eq(members.email, DEMO.member)));
    expect(camille!.iban).toBe('FR7610278000000012345678945');
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
  });
});
