import fs from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterEach, expect, inject } from 'vitest';
import { loadConfig } from '../../../src/platform/config.js';
import { openPglite, type Database } from '../../../src/platform/db/client.js';
import { localDiskStorage } from '../../../src/platform/files/local-disk-storage.js';
import { seedDemo } from '../../../src/demo/seed-demo.js';
import { createServer } from '../../../src/server.js';
import { clonePostgres, engine, openTestDatabase } from '../../support/database.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** The demo accounts the journeys rely on (src/demo/seed-demo.ts). */
export const DEMO = {
  password: 'mutualise-demo',
  coopName: 'Coopérative Démo',
  admin: 'admin@demo.mutualise.coop',
  advisor: 'conseiller@demo.mutualise.coop',
  accountant: 'comptable@demo.mutualise.coop',
  member: 'camille.martin@demo.mutualise.coop',
} as const;

/**
 * How long a journey waits for what a person should see. Long enough for a cold page on two
 * busy cores, short enough that a missing element fails well before the test timeout.
 */
export const WAIT_MS = 15_000;
/** One read inside a polling loop: short, so the loop tries again rather than waits once. */
const READ_MS = 1_000;

export interface E2E {
  baseUrl: string;
  app: FastifyInstance;
  database: Database;
  browser: Browser;
  /** A fresh browser profile (cookies, storage) for one person. */
  newPage(opts?: { width?: number; height?: number; locale?: string }): Promise<{ page: Page; context: BrowserContext }>;
  /** Every page opened so far that is still open (for screenshots on failure). */
  openPages(): Page[];
  /** What the browser reported as errors on a page: uncaught exceptions, console.error. */
  browserErrors(page: Page): string[];
  close(): Promise<void>;
}

const WEB_DIR = path.resolve('dist/web');

/**
 * The real app (built front end, API, demo cooperative on a fresh database: PostgreSQL when the
 * run has one, embedded otherwise) on a free port, and Debian's Chromium driven by playwright-core
 * with its own temporary profile.
 */
export async function startE2E(): Promise<E2E> {
  if (!existsSync(path.join(WEB_DIR, 'index.html'))) {
    throw new Error('The front end is not built: run `npx vite build` before the e2e tests.');
  }
  const database = await openDemoDatabase();
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'mutualise-e2e-'));
  const config = loadConfig({ DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'warn', WEB_DIR });
  const app = await createServer({ config, database, storage: localDiskStorage(path.join(dataDir, 'files')), logger: false });
  let browser: Browser;
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    // playwright gives the browser a fresh temporary --user-data-dir of its own, and every
    // context below is a separate cookie jar: one per person in a journey.
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  } catch (err) {
    await app.close();
    await database.close();
    await fs.rm(dataDir, { recursive: true, force: true });
    throw err;
  }
  // As `start` does: the work queued by a validation (an invoice's files) runs in the background.
  const stopJobs = app.deps.jobs.start(500);
  const address = app.server.address();
  const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  // Links in mails (invitation, password reset) are built from it when they are sent.
  config.publicUrl = baseUrl;
  const pages: Page[] = [];
  const errors = new Map<Page, string[]>();
  return {
    baseUrl,
    app,
    database,
    browser,
    async newPage(opts = {}) {
      const context = await browser.newContext({
        baseURL: baseUrl,
        locale: opts.locale ?? 'fr-FR',
        timezoneId: 'Europe/Paris',
        viewport: { width: opts.width ?? 1280, height: opts.height ?? 800 },
      });
      context.setDefaultTimeout(WAIT_MS);
      context.setDefaultNavigationTimeout(WAIT_MS);
      const page = await context.newPage();
      pages.push(page);
      const seen: string[] = [];
      errors.set(page, seen);
      page.on('pageerror', (error) => seen.push(`uncaught: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') seen.push(`console: ${message.text()}`);
      });
      return { page, context };
    },
    openPages: () => pages.filter((page) => !page.isClosed()),
    browserErrors: (page) => errors.get(page) ?? [],
    async close() {
      await browser.close();
      await stopJobs();
      await app.close();
      await database.close();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A fresh database holding the demo cooperative. The run's global setup seeded it once and
 * dumped it, or on PostgreSQL kept it as a database to clone (test/support/global-setup.ts):
 * loading that dump or cloning that database gives what `seedDemo` would, as
 * long as it is still the day it was seeded for (the demo's dates are relative to today).
 * Otherwise (a run across midnight, another engine, a setup without the dump) it seeds here.
 */
async function openDemoDatabase(): Promise<Database> {
  const today = new Date().toISOString().slice(0, 10);
  const dump = engine === 'pglite' ? inject('pgliteDemo') : '';
  if (dump && inject('pgliteDemoDay') === today) {
    return openPglite(undefined, new Blob([await fs.readFile(dump)]));
  }
  const seeded = engine === 'postgres' ? inject('postgresDemo') : '';
  if (seeded && inject('postgresDemoDay') === today) return clonePostgres(seeded);
  const database = await openTestDatabase();
  await seedDemo(database.db);
  return database;
}

/**
 * Registers what every journey file wants after each test: a page that threw an uncaught
 * exception fails the test (a person would have met a broken screen); and after a failure,
 * what every open page showed is saved as `.tmp/e2e-<name>.png` for the first person,
 * `.tmp/e2e-<name>-2.png` for the second…, with the errors their browsers reported.
 */
export function watchJourney(name: string, e2e: () => E2E | undefined) {
  afterEach(async (context) => {
    const run = e2e();
    if (!run) return;
    if (context.task.result?.state === 'fail') {
      await fs.mkdir('.tmp', { recursive: true });
      for (const [i, page] of run.openPages().entries()) {
        const file = path.join('.tmp', `e2e-${name}${i === 0 ? '' : `-${i + 1}`}.png`);
        await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
        const reported = run.browserErrors(page);
        console.error(`${file} (${page.url()})${reported.length ? `\n  ${reported.join('\n  ')}` : ''}`);
      }
      return;
    }
    const uncaught = run.openPages().flatMap((page) => run.browserErrors(page).filter((e) => e.startsWith('uncaught:')));
    expect(uncaught, 'uncaught exceptions in the pages').toEqual([]);
  });
}

export async function logIn(page: Page, email: string, password: string = DEMO.password) {
  await page.goto('/login');
  await page.getByLabel('Adresse e-mail', { exact: true }).fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The input labelled exactly `label`, required or not: Mantine adds " *" to the label of a
 * required input, which is part of its accessible name. Only inputs: the option list of a
 * Mantine select is labelled by the same label.
 */
export function field(scope: Page | Locator, label: string): Locator {
  const page = 'page' in scope && typeof scope.page === 'function' ? (scope as Locator).page() : (scope as Page);
  return scope.getByLabel(new RegExp(`^${escapeRegExp(label)}(\\s*\\*)?$`)).and(page.locator('input, textarea'));
}

/** Waits until the locator shows on screen (fails after WAIT_MS). */
export async function see(locator: Locator): Promise<void> {
  await locator.waitFor({ state: 'visible' });
}

/** Waits until the locator is gone or hidden. */
export async function seeNo(locator: Locator): Promise<void> {
  await locator.waitFor({ state: 'hidden' });
}

/**
 * Polls the text of the locator until it contains `text`. The text as written, not as
 * styled: badges show "CANDIDAT" for "Candidat" (innerText would apply the CSS uppercase).
 */
export async function seeText(locator: Locator, text: string | RegExp): Promise<void> {
  const read = async () => ((await locator.textContent({ timeout: READ_MS }).catch(() => '')) ?? '').replace(/\s+/g, ' ');
  if (typeof text === 'string') await expect.poll(read, { timeout: WAIT_MS }).toContain(text);
  else await expect.poll(read, { timeout: WAIT_MS }).toMatch(text);
}

/** Polls until the locator matches exactly `count` elements. */
export async function seeCount(locator: Locator, count: number): Promise<void> {
  await expect.poll(() => locator.count(), { timeout: WAIT_MS }).toBe(count);
}

/** Polls the value of an input until it equals `value`. */
export async function seeValue(locator: Locator, value: string): Promise<void> {
  await expect.poll(() => locator.inputValue({ timeout: READ_MS }).catch(() => null), { timeout: WAIT_MS }).toBe(value);
}

/**
 * The field error shown under an input (Mantine links it with aria-describedby), or ''
 * when the input shows none.
 */
export async function fieldError(input: Locator): Promise<string> {
  const describedBy = (await input.getAttribute('aria-describedby', { timeout: READ_MS })) ?? '';
  for (const id of describedBy.split(/\s+/).filter(Boolean)) {
    const node = input.page().locator(`[id="${id}"]`);
    if ((await node.count()) > 0 && (await node.getAttribute('class', { timeout: READ_MS }))?.includes('error')) return node.innerText({ timeout: READ_MS });
  }
  return '';
}

/** Polls until the input shows a field error containing `text`. */
export async function seeFieldError(input: Locator, text: string): Promise<void> {
  await expect.poll(() => fieldError(input).catch(() => ''), { timeout: WAIT_MS }).toContain(text);
}
