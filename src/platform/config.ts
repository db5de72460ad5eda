import path from 'node:path';

/** Runtime configuration, read once from the environment at the edge of the process. */
export interface Config {
  port: number;
  host: string;
  /** Where the embedded database and uploaded files live when no DATABASE_URL is given. */
  dataDir: string;
  /** PostgreSQL connection string; when absent the embedded PGlite database is used. */
  databaseUrl?: string;
  /** Public base URL used in links sent by mail (password reset, invitations). */
  publicUrl: string;
  /** When set, mails leave the outbox through this SMTP server (nodemailer URL). */
  smtpUrl?: string;
  mailFrom: string;
  /** Cookies get the Secure flag when the public URL is https. */
  secureCookies: boolean;
  logLevel: string;
  /** Directory of the built front end, served at /. */
  webDir: string;
  /** Largest accepted upload, in bytes. */
  maxUploadBytes: number;
  /** Whether `start` runs the daily jobs (dunning); off on an instance that must not send them. */
  dunningScheduler: boolean;
  /** How often `start` looks for due jobs (the work queued after a commit), in milliseconds. */
  jobsPollMs: number;
  /**
   * How many reverse proxies stand in front of the app (TRUST_PROXY). The client's address is
   * the right-most `X-Forwarded-For` hop they did not add; 0 reads the socket's address. A
   * yes/no trust would take the left-most hop, which the client writes itself.
   */
  trustedProxies: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, '');
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR ?? 'data'),
    databaseUrl: env.DATABASE_URL || undefined,
    publicUrl,
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM ?? 'Mutualise <no-reply@mutualise.local>',
    secureCookies: publicUrl.startsWith('https://'),
    logLevel: env.LOG_LEVEL ?? 'info',
    webDir: path.resolve(env.WEB_DIR ?? 'dist/web'),
    maxUploadBytes: Number(env.MAX_UPLOAD_BYTES ?? 10 * 1024 * 1024),
    dunningScheduler: (env.DUNNING_SCHEDULER ?? 'on').toLowerCase() !== 'off',
    jobsPollMs: Number(env.JOBS_POLL_MS ?? 5_000),
    trustedProxies: proxyHops(env.TRUST_PROXY),
  };
}

function proxyHops(value: string | undefined): number {
  const hops = Number(value ?? 0);
  if (!Number.isInteger(hops) || hops < 0) throw new Error(`TRUST_PROXY must be the number of proxies in front of the app (0, 1, 2 …), not "${value}"`);
  return hops;
}
