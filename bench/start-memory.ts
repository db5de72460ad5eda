/**
 * The memory of the platform as a small coop runs it: starts it exactly as `npm start` does,
 * validates invoices through the HTTP API as the demo's accountant, then prints the resident
 * memory of every process that start left running (npm, its shell, the server…), and their sum
 * beside the targets of issue 11: under 350 MB in all on the embedded database, under 200 MB
 * on PostgreSQL.
 *
 *   npx tsx bench/start-memory.ts              # both engines, one after the other
 *   npx tsx bench/start-memory.ts pglite       # or postgres
 *
 * Each run spawns `npm start` in this checkout with a fresh DATA_DIR and a free PORT; the
 * PostgreSQL run adds DATABASE_URL, a fresh `mutualise_bench_<random>` database created on
 * BENCH_SERVER_URL (default postgres://postgres@127.0.0.1:5432/postgres) and dropped at the end.
 * Knobs:
 *   BENCH_VALIDATIONS=200    invoices drafted and validated through HTTP
 *   BENCH_START_TIMEOUT=600  seconds allowed for `npm start` to answer (a first web build is slow)
 *   BENCH_RUN_TIMEOUT=900    seconds allowed for a whole run before everything is stopped
 *
 * The figures: VmRSS (resident now) and VmHWM (the peak resident size of the process) from
 * /proc/<pid>/status, for the spawned npm and every descendant, read after the validations.
 * Processes that ran and ended during the start (the staleness checks, a build) are not counted.
 * Exits with code 1 when a run fails or misses its target.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { prepareBenchDatabase, percentile } from './support/bench-database.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const VALIDATIONS = Number(process.env.BENCH_VALIDATIONS ?? 200);
const START_TIMEOUT_MS = Number(process.env.BENCH_START_TIMEOUT ?? 600) * 1000;
const RUN_TIMEOUT_MS = Number(process.env.BENCH_RUN_TIMEOUT ?? 900) * 1000;
const STAFF_EMAIL = 'comptable@demo.mutualise.coop';
const DEMO_PASSWORD = 'mutualise-demo';
const TARGET_MB = { pglite: 350, postgres: 200 } as const;
type Engine = keyof typeof TARGET_MB;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function freePort(): Promise<number> {
  const server = net.createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as net.AddressInfo;
  server.close();
  await once(server, 'close');
  return port;
}

interface ProcessMemory {
  pid: number;
  command: string;
  rssKb: number;
  hwmKb: number;
}

/** `pid` and its descendants, from the parent pid in /proc/<pid>/stat. */
function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // ended while we read
    }
    // The command name, in parentheses, may hold spaces: the fields after its last ')' are fixed.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
  }
  const tree: number[] = [];
  for (let queue = [root]; queue.length; ) {
    const pid = queue.shift()!;
    tree.push(pid);
    queue = queue.concat(children.get(pid) ?? []);
  }
  return tree;
}

function memoryOf(pid: number): ProcessMemory | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
    const command = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
    return { pid, command: command.length > 90 ? `${command.slice(0, 87)}…` : command, rssKb: kb('VmRSS'), hwmKb: kb('VmHWM') };
  } catch {
    return undefined;
  }
}

/** A cookie jar and the CSRF header: what the web app does, in a few lines. */
class HttpSession {
  private cookies = new Map<string, string>();
  private csrf = '';
  constructor(private readonly base: string) {}

  async request<T>(method: string, url: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
    if (method !== 'GET') headers['x-csrf-token'] = this.csrf;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(this.base + url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    for (const cookie of res.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const at = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${url} answered ${res.status}: ${text.slice(0, 300)}`);
    const json: unknown = text ? JSON.parse(text) : undefined;
    const csrf = (json as { csrfToken?: unknown } | undefined)?.csrfToken;
    if (typeof csrf === 'string') this.csrf = csrf;
    return json as T;
  }

  async logIn(email: string, password: string) {
    await this.request('GET', '/api/auth/session');
    await this.request('POST', '/api/auth/login', { email, password });
  }
}

/** Starts `npm start` in its own process group, so that stopping it stops everything it started. */
function startPlatform(env: NodeJS.ProcessEnv, logFile: string): ChildProcess {
  const log = fs.openSync(logFile, 'w');
  const child = spawn('npm', ['start'], { cwd: ROOT, env, detached: true, stdio: ['ignore', log, log] });
  fs.closeSync(log);
  return child;
}

async function stopPlatform(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  const signal = (sig: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, sig);
    } catch {
      // the group is gone already
    }
  };
  signal('SIGTERM');
  const killed = await Promise.race([exited.then(() => false), sleep(15_000).then(() => true)]);
  if (killed) {
    signal('SIGKILL');
    await exited;
  }
}

async function untilHealthy(base: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`npm start exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`npm start did not answer within ${START_TIMEOUT_MS / 1000} s`);
}

interface InvoiceSummary {
  status: string;
  activityId: string;
  clientId: string;
}

async function validateInvoices(http: HttpSession): Promise<number[]> {
  // Parties that the demo already invoiced: an open activity and a client with a billing address.
  const { items } = await http.request<{ items: InvoiceSummary[] }>('GET', '/api/invoices?pageSize=100&kind=invoice');
  const parties = items.filter((i) => i.status !== 'draft');
  if (!parties.length) throw new Error('the demo holds no issued invoice to take an activity and a client from');
  const today = new Date().toISOString().slice(0, 10);
  const durations: number[] = [];
  for (let i = 0; i < VALIDATIONS; i++) {
    const { activityId, clientId } = parties[i % parties.length]!;
    const draft = await http.request<{ id: string }>('POST', '/api/invoices', {
      activityId,
      clientId,
      serviceDate: today,
      lines: [
        { description: `Accompagnement — atelier n° ${i + 1}`, quantityMilli: 2_000, unit: 'DAY', unitPriceCents: 45_000, vatRateBp: 2_000 },
        { description: 'Support imprimé', quantityMilli: 12_500, unitPriceCents: 1_990, discountBp: 1_000, vatRateBp: 550 },
      ],
    });
    const started = performance.now();
    const issued = await http.request<{ status: string }>('POST', `/api/invoices/${draft.id}/validate`);
    durations.push(performance.now() - started);
    if (issued.status !== 'validated') throw new Error(`invoice ${draft.id} is ${issued.status} after validation`);
  }
  return durations;
}

const mb = (kb: number) => kb / 1024;

async function run(engine: Engine): Promise<boolean> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mutualise-bench-memory-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  let database: Awaited<ReturnType<typeof prepareBenchDatabase>> | undefined;
  if (engine === 'postgres') {
    process.env.BENCH_SERVER_URL ||= 'postgres://postgres@127.0.0.1:5432/postgres';
    delete process.env.BENCH_DATABASE_URL;
    delete process.env.DATABASE_URL;
    database = await prepareBenchDatabase();
    env.DATABASE_URL = database.url;
  }
  const logFile = path.join(dataDir, 'npm-start.log');
  console.log(`\n${engine === 'pglite' ? 'Embedded database (PGlite)' : `PostgreSQL: ${database!.where}`}; npm start on port ${port}, DATA_DIR ${dataDir}`);
  const child = startPlatform(env, logFile);
  const timer = setTimeout(() => {
    console.error(`the run took more than ${RUN_TIMEOUT_MS / 1000} s: stopping it`);
    void stopPlatform(child).then(() => process.exit(1));
  }, RUN_TIMEOUT_MS);
  try {
    const startedAt = performance.now();
    await untilHealthy(base, child);
    console.log(`  answering after ${((performance.now() - startedAt) / 1000).toFixed(1)} s`);
    const atStart = processTree(child.pid!).map(memoryOf).filter((m): m is ProcessMemory => !!m);
    const http = new HttpSession(base);
    await http.logIn(STAFF_EMAIL, DEMO_PASSWORD);
    const validating = performance.now();
    const durations = (await validateInvoices(http)).sort((a, b) => a - b);
    console.log(
      `  ${VALIDATIONS} invoices drafted and validated in ${((performance.now() - validating) / 1000).toFixed(1)} s; ` +
        `validate: p50 ${percentile(durations, 50).toFixed(0)} ms · p95 ${percentile(durations, 95).toFixed(0)} ms`,
    );
    const after = processTree(child.pid!).map(memoryOf).filter((m): m is ProcessMemory => !!m);
    console.log(`  ${'pid'.padStart(7)}  ${'RSS MB'.padStart(7)}  ${'peak MB'.padStart(7)}  ${'at start'.padStart(8)}  command`);
    for (const p of after) {
      const before = atStart.find((s) => s.pid === p.pid);
      console.log(`  ${String(p.pid).padStart(7)}  ${mb(p.rssKb).toFixed(0).padStart(7)}  ${mb(p.hwmKb).toFixed(0).padStart(7)}  ${(before ? mb(before.rssKb).toFixed(0) : '-').padStart(8)}  ${p.command}`);
    }
    const rss = mb(after.reduce((s, p) => s + p.rssKb, 0));
    const peak = mb(after.reduce((s, p) => s + p.hwmKb, 0));
    const target = TARGET_MB[engine];
    const ok = rss < target;
    console.log(`  all ${after.length} processes: ${rss.toFixed(0)} MB resident (sum of peaks ${peak.toFixed(0)} MB); target < ${target} MB: ${ok ? 'met' : 'MISSED'}`);
    return ok;
  } catch (err) {
    console.error(`  ${engine} run failed: ${err instanceof Error ? err.message : String(err)}`);
    console.error(`  last lines of npm start:\n${fs.readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n')}`);
    return false;
  } finally {
    clearTimeout(timer);
    await stopPlatform(child);
    await database?.drop?.();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  const asked = process.argv.slice(2);
  const engines = (asked.length ? asked : ['pglite', 'postgres']) as Engine[];
  for (const e of engines) if (!(e in TARGET_MB)) throw new Error(`unknown engine ${e}: pglite or postgres`);
  console.log(`Node ${process.version}, ${os.cpus().length} CPUs, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB; checkout ${ROOT}`);
  let ok = true;
  for (const engine of engines) ok = (await run(engine)) && ok;
  if (!ok) process.exitCode = 1;
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
