import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coops } from '../../src/modules/coops/schema.js';
import { postEntry } from '../../src/modules/ledger/index.js';
import { DEMO, type E2E, logIn, see, seeCount, seeText, seeValue, startE2E, watchJourney } from './support/harness.js';

let e2e: E2E;
const year = new Date().getFullYear();

beforeAll(async () => {
  e2e = await startE2E();
  // A sale and its payment, posted as the invoicing module will: the demo holds no entry yet.
  const db = e2e.database.db;
  const [coop] = await db.select({ id: coops.id }).from(coops);
  const actor = { coopId: coop!.id, userId: null };
  await db.transaction(async (tx) => {
    await postEntry(tx, actor, {
      journal: 'VT',
      date: `${year}-03-10`,
      label: 'Facture démo',
      source: { type: 'invoice' },
      lines: [
        { account: '411', debitCents: 12_000 },
        { account: '706', creditCents: 10_000 },
        { account: '44571', creditCents: 2_000 },
      ],
    });
    await postEntry(tx, actor, {
      journal: 'BQ',
      date: `${year}-03-20`,
      label: 'Règlement facture démo',
      source: { type: 'payment' },
      lines: [
        { account: '512', debitCents: 12_000 },
        { account: '411', creditCents: 12_000 },
      ],
    });
  });
});
afterAll(async () => {
  await e2e?.close();
});
watchJourney('ledger-trial-balance', () => e2e);

describe('the accountant reads the ledger', () => {
  it('reads the trial balance of the year, narrows the period, downloads it as CSV and opens the general ledger', async () => {
    const { page } = await e2e.newPage();
    await logIn(page, DEMO.accountant);
    // The accountant's home shows the books, and their menu has no members.
    await see(page.getByTestId('stat-receivables'));
    expect(await page.getByTestId('nav-members').count()).toBe(0);
    await page.getByTestId('nav-ledger-trial-balance').click();
    await see(page.getByRole('heading', { name: 'Balance générale' }));

    await seeText(page.getByTestId('ledger-trial-balance-row-411'), /Clients.*120,00.*120,00/);
    await seeText(page.getByTestId('ledger-trial-balance-row-706'), /100,00/);
    await seeText(page.getByTestId('ledger-trial-balance-totals'), /Total.*240,00.*240,00/);
    const csv = page.getByTestId('ledger-trial-balance-csv');
    expect(await csv.getAttribute('href')).toBe(`/api/ledger/trial-balance?from=${year}-01-01&to=${year}-12-31&format=csv`);

    await page.getByTestId('ledger-period-from').fill(`${year}-04-01`);
    await page.waitForURL(new RegExp(`from=${year}-04-01`));
    await see(page.getByText('Aucune écriture sur cette période.'));

    await page.getByTestId('nav-ledger-general-ledger').click();
    await see(page.getByRole('heading', { name: 'Grand livre' }));
    await seeCount(page.locator('[data-testid^="ledger-general-ledger-row-"]'), 5);
    await see(page.getByText('5 lignes'));
  });

  it('shows the period in French, pickers included, on a browser set to American English', async () => {
    const { page } = await e2e.newPage({ locale: 'en-US' });
    await logIn(page, DEMO.accountant);
    await page.getByTestId('nav-ledger-trial-balance').click();
    const from = page.getByTestId('ledger-period-from');
    await seeValue(from, `01/01/${year}`);
    await from.click();
    await see(page.getByRole('button', { name: `janvier ${year}`, exact: true }));
    expect(await page.getByText('January', { exact: false }).count()).toBe(0);
  });

  it('keeps the ledger out of a member’s menu', async () => {
    const { page } = await e2e.newPage();
    await logIn(page, DEMO.member);
    await see(page.getByTestId('nav-activities'));
    expect(await page.getByTestId('nav-ledger-trial-balance').count()).toBe(0);
  });
});
