import { chromium } from 'playwright-core';
const base = 'http://localhost:3996';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
async function as(email, pages) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('response', (r) => { if (r.status() >= 500) errors.push(`${r.status()} ${r.url()}`); });
  await page.goto(`${base}/login`);
  await page.getByLabel(/e-mail/i).fill(email);
  await page.getByLabel(/mot de passe/i).first().fill('mutualise-demo');
  await page.getByRole('button', { name: /connexion|se connecter/i }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  for (const [name, path, click] of pages) {
    await page.goto(`${base}${path}`);
    await page.waitForLoadState('networkidle');
    if (click) { await page.locator(click).first().click(); await page.waitForLoadState('networkidle'); }
    await page.screenshot({ path: `/tmp/walk/${name}.png`, fullPage: true });
    console.log(name, page.url());
  }
  console.log(email, 'errors:', errors);
  await ctx.close();
}
await as('admin@demo.mutualise.coop', [
  ['01-invoices', '/invoices'], ['02-invoice-detail', '/invoices', 'tbody tr'], ['03-quotes', '/quotes'], ['04-quote-detail', '/quotes', 'tbody tr'],
  ['05-payments', '/payments'], ['06-bank', '/bank'], ['07-dunning', '/dunning'], ['08-trial', '/ledger/trial-balance'], ['09-outbox', '/outbox'],
]);
await as('camille.martin@demo.mutualise.coop', [['10-member-invoices', '/invoices'], ['11-member-quotes', '/quotes'], ['12-member-dashboard', '/']]);
await browser.close();
