import fs from 'node:fs/promises';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activities } from '../../src/modules/activities/schema.js';
import { clientActivities } from '../../src/modules/clients/schema.js';
import { coops } from '../../src/modules/coops/schema.js';
import { createDraftInvoice, validateInvoice } from '../../src/modules/invoicing/index.js';
import { users } from '../../src/platform/auth/schema.js';
import { draftOf } from '../support/invoicing-db-fixtures.js';
import { FEC_COLUMNS } from '../../src/modules/ledger/domain/fec.js';
import { DEMO, type E2E, logIn, see, seeText, startE2E, WAIT_MS, watchJourney } from './support/harness.js';
import { parisToday } from './support/dates.js';

let e2e: E2E;

let code: string;

beforeAll(async () => {
  e2e = await startE2E();
  // The e2e demo has no sales (they need file storage): the advisor issues one invoice, paid.
  const db = e2e.database.db;
  const [coop] = await db.select({ id: coops.id }).from(coops);
  const [advisor] = await db.select({ id: users.id }).from(users).where(eq(users.email, DEMO.advisor));
  const staff = { coopId: coop!.id, userId: advisor!.id, roles: ['staff' as const], ip: '127.0.0.1', locale: 'fr' as const };
  const [link] = await db
    .select({ clientId: clientActivities.clientId, activityId: clientActivities.activityId, code: activities.code })
    .from(clientActivities)
    .innerJoin(activities, and(eq(activities.coopId, clientActivities.coopId), eq(activities.id, clientActivities.activityId)))
    .where(eq(clientActivities.coopId, coop!.id))
    .limit(1);
  code = link!.code;
  const today = parisToday();
  const draft = await createDraftInvoice(db, staff, draftOf(link!.activityId, link!.clientId, { serviceDate: today }));
  await validateInvoice(db, staff, draft.id, today);
});
afterAll(async () => {
  await e2e?.close();
});
watchJourney('ledger-exports', () => e2e);

describe('the accountant exports the books', () => {
  it("narrows the general ledger to one activity, opens a line's document, and downloads the year's FEC", async () => {
    const [coop] = await e2e.database.db.select({ siren: coops.siren }).from(coops);
    const { page } = await e2e.newPage();
    await logIn(page, DEMO.accountant);
    await page.getByTestId('nav-ledger-general-ledger').click();
    await see(page.getByRole('heading', { name: 'Grand livre' }));
    await see(page.getByTestId('ledger-general-ledger-accounts'));

    // The activity filter: every line left is the chosen activity's.
    await page.getByTestId('ledger-general-ledger-activity').click();
    await page.getByRole('option', { name: new RegExp(`^${code} –`) }).click();
    await page.waitForURL(/activityId=/);
    const rows = page.locator('[data-testid^="ledger-general-ledger-row-"]');
    // The unfiltered rows stay on screen until the filtered page arrives: read them all at once,
    // until every row shown is the activity's.
    await expect
      .poll(async () => {
        const texts = await rows.allTextContents();
        return texts.length > 0 && texts.every((text) => text.includes(code));
      }, { timeout: WAIT_MS })
      .toBe(true);
    // The receivable of a client names its auxiliary account.
    await seeText(page.getByTestId('ledger-general-ledger-account-411'), /411/);
    await see(page.getByText(/^C\d{5}$/).first());

    // The FEC of the year: named after the coop's SIREN and the closing date, the 18 columns first.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('ledger-fec-download').click()]);
    const year = new Date().getFullYear();
    expect(download.suggestedFilename()).toBe(`${coop!.siren}FEC${year}1231.txt`);
    const text = await fs.readFile((await download.path())!, 'utf8');
    expect(text.split('\r\n')[0]).toBe(FEC_COLUMNS.join('\t'));
    expect(text.split('\r\n').length).toBeGreaterThan(3);

    // A sales line opens its invoice.
    const link = page.locator('[data-testid^="ledger-line-document-"]').first();
    await see(link);
    await link.click();
    await page.waitForURL(/\/invoices\/[0-9a-f-]{36}$/);
  });
});
