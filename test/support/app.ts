import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { loadConfig, type Config } from '../../src/platform/config.js';
import type { Database } from '../../src/platform/db/client.js';
import { localDiskStorage } from '../../src/platform/files/local-disk-storage.js';
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from '../../src/platform/http/app.js';
import { createServer } from '../../src/server.js';
import { openTestDatabase } from './database.js';

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  /** A client with its own cookie jar, as a browser would have. */
  client(): TestClient;
  close(): Promise<void>;
}

/**
 * `logger` to read what the app logs (silent by default), `publicUrl` to serve it as an https
 * install would be, `config` for any other setting (e.g. the number of trusted proxies).
 */
export async function createTestApp(opts: { logger?: FastifyServerOptions['logger']; publicUrl?: string; config?: Partial<Config> } = {}): Promise<TestApp> {
  const database = await openTestDatabase();
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'mutualise-test-'));
  const config = { ...loadConfig({ DATA_DIR: dataDir, WEB_DIR: path.join(dataDir, 'no-web'), PUBLIC_URL: opts.publicUrl ?? 'http://mutualise.test' }), maxUploadBytes: 1024 * 1024, ...opts.config };
  const app = await createServer({ config, database, storage: localDiskStorage(path.join(dataDir, 'files')), logger: opts.logger ?? false });
  await app.ready();
  return {
    app,
    database,
    client: () => new TestClient(app),
    async close() {
      await app.close();
      await database.close();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

type Body = Record<string, unknown> | unknown[] | undefined;

export interface TestResponse<T = any> {
  status: number;
  body: T;
  headers: Record<string, unknown>;
  raw: string;
}

/** Talks to the app through `inject`, keeping cookies and the CSRF token like the web client. */
export class TestClient {
  private cookies = new Map<string, string>();
  csrfToken: string | undefined;
  /** Set to false to send mutating requests without the CSRF header. */
  sendCsrf = true;
  language = 'fr';

  constructor(private readonly app: FastifyInstance) {}

  private cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async request<T = any>(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: Body, extraHeaders: Record<string, string> = {}): Promise<TestResponse<T>> {
    if (method !== 'GET' && this.sendCsrf && !this.csrfToken) await this.request('GET', '/api/auth/session');
    const headers: Record<string, string> = { 'accept-language': this.language, ...extraHeaders };
    if (this.cookies.size) headers.cookie = this.cookieHeader();
    if (method !== 'GET' && this.sendCsrf && this.csrfToken) headers[CSRF_HEADER] = this.csrfToken;
    const res = await this.app.inject({ method, url, headers, ...(body !== undefined ? { payload: body as object } : {}) });
    for (const c of res.cookies) {
      if (c.maxAge === 0 || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    const parsed = res.body && String(res.headers['content-type'] ?? '').includes('json') ? JSON.parse(res.body) : res.body;
    if (parsed && typeof parsed === 'object' && typeof (parsed as { csrfToken?: unknown }).csrfToken === 'string') {
      this.csrfToken = (parsed as { csrfToken: string }).csrfToken;
    }
    return { status: res.statusCode, body: parsed as T, headers: res.headers, raw: res.body };
  }

  get<T = any>(url: string) {
    return this.request<T>('GET', url);
  }
  post<T = any>(url: string, body?: Body) {
    return this.request<T>('POST', url, body ?? {});
  }
  patch<T = any>(url: string, body?: Body) {
    return this.request<T>('PATCH', url, body ?? {});
  }
  put<T = any>(url: string, body?: Body) {
    return this.request<T>('PUT', url, body ?? {});
  }
  delete<T = any>(url: string) {
    return this.request<T>('DELETE', url);
  }

  /** Multipart upload of one file plus fields. */
  async upload<T = any>(url: string, file: { field?: string; filename: string; contentType: string; bytes: Buffer }, fields: Record<string, string> = {}) {
    if (!this.csrfToken) await this.request('GET', '/api/auth/session');
    const boundary = '----mutualise' + Math.random().toString(16).slice(2);
    const parts: Buffer[] = [];
    for (const [k, v] of Object.entries(fields)) {
      parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
    }
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? 'file'}"; filename="${file.filename}"\r\nContent-Type: ${file.contentType}\r\n\r\n`));
    parts.push(file.bytes, Buffer.from(`\r\n--${boundary}--\r\n`));
    const headers: Record<string, string> = { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie: this.cookieHeader(), 'accept-language': this.language };
    if (this.sendCsrf && this.csrfToken) headers[CSRF_HEADER] = this.csrfToken;
    const res = await this.app.inject({ method: 'POST', url, headers, payload: Buffer.concat(parts) });
    const parsed = res.body && String(res.headers['content-type'] ?? '').includes('json') ? JSON.parse(res.body) : res.body;
    return { status: res.statusCode, body: parsed as T, headers: res.headers, raw: res.body };
  }

  async login(email: string, password: string) {
    const res = await this.post('/api/auth/login', { email, password });
    if (res.status !== 200) throw new Error(`login of ${email} failed: ${res.status} ${res.raw}`);
    return res;
  }

  hasSession() {
    return this.cookies.has(SESSION_COOKIE);
  }
  hasCsrfCookie() {
    return this.cookies.has(CSRF_COOKIE);
  }
}
