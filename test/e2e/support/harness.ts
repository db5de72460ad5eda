import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { loadConfig } from '../../../src/platform/config.js';
import type { Database } from '../../../src/platform/db/client.js';
import { localDiskStorage } from '../../../src/platform/files/storage.js';
import { seedDemo } from '../../../src/modules/demo/seed-demo.js';
import { createServer } from '../../../src/server.js';
import { openTestDatabase } from '../../support/database.js';

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

export interface E2E {
  baseUrl: string;
  app: FastifyInstance;
  database: Database;
  browser: Browser;
  /** A fresh browser profile (cookies, storage) for one person. */
  newPage(opts?: { width?: number; height?: number; locale?: string }): Promise<{ page: Page; context: BrowserContext }>;
  close(): Promise<void>;
}

/**
 * The real app (built front end, API, demo cooperative on a fresh embedded database) on a free
 * port, and Debian's Chromium driven by playwright-core with its own temporary profile.
 */
export async function startE2E(): Promise<E2E> {
  const database = await openTestDatabase();
  await seedDemo(database.db);
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'mutualise-e2e-'));
  const config = loadConfig({ DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'warn' });
  const app = await createServer({ config, database, storage: localDiskStorage(path.join(dataDir, 'files')), logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  config.publicUrl = baseUrl;
  // playwright gives the browser a fresh temporary --user-data-dir of its own, and every
  // context below is a separate cookie jar: one per person in a journey.
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  return {
    baseUrl,
    app,
    database,
    browser,
    async newPage(opts = {}) {
      const context = await browser.newContext({ baseURL: baseUrl, locale: opts.locale ?? 'fr-FR', viewport: { width: opts.width ?? 1280, height: opts.height ?? 800 } });
      const page = await context.newPage();
      return { page, context };
    },
    async close() {
      await browser.close();
      await app.close();
      await database.close();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

export async function logIn(page: Page, email: string, password = 'mutualise-demo') {
  await page.goto('/login');
  await page.getByLabel('Adresse e-mail', { exact: true }).fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}
