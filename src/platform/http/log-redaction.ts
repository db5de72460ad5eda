import type { FastifyRequest, FastifyServerOptions } from 'fastify';
import { stdSerializers } from 'pino';

/**
 * What the logs must never hold: the tokens of invitation, portal and reset links (a token in a
 * log is a link anyone reading the logs can open), and the values a failed SQL statement was
 * run with (a client's identity, a password hash). The URL of every request is logged, so token
 * path segments and query values are masked there; database errors keep their SQL text, not
 * their parameters.
 */
export const REDACTED = '[redacted]';

// A segment this long is a signed link or a random token (ours are 43 characters and up); ids
// (UUIDs, 36) and names of routes are shorter and stay readable.
const TOKEN_SEGMENT = /^[A-Za-z0-9_.~%-]{40,}$/;
const SECRET_QUERY_NAME = /token|secret|key|sig|password|code/i;

/** The URL with token-looking path segments and secret query values masked. */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  const pathPart = q === -1 ? url : url.slice(0, q);
  const path = pathPart
    .split('/')
    .map((segment) => (TOKEN_SEGMENT.test(segment) ? REDACTED : segment))
    .join('/');
  if (q === -1) return path;
  const query = url
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      if (eq === -1) return pair;
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      return SECRET_QUERY_NAME.test(decodeURIComponentSafe(name)) || TOKEN_SEGMENT.test(value) ? `${name}=${REDACTED}` : pair;
    })
    .join('&');
  return `${path}?${query}`;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

// Drizzle writes the parameters into its error message ("Failed query: …\nparams: …").
const PARAMS_LINE = /\n\s*params:[^\n]*/g;
const PARAMETER_KEYS = ['params', 'parameters', 'values', 'parameterValues'];

type SerializedError = ReturnType<typeof stdSerializers.err> & Record<string, unknown>;

/** The standard error serializer, without the SQL parameters of a database error, at any depth of `cause`. */
export function redactError(err: Error): SerializedError {
  const out = stdSerializers.err(err) as SerializedError;
  scrub(out, 0);
  return out;
}

function scrub(value: Record<string, unknown>, depth: number): void {
  if (depth > 8) return;
  for (const key of PARAMETER_KEYS) if (key in value) value[key] = REDACTED;
  for (const key of ['message', 'stack'] as const) {
    if (typeof value[key] === 'string') value[key] = (value[key] as string).replace(PARAMS_LINE, `\nparams: ${REDACTED}`);
  }
  for (const [key, child] of Object.entries(value)) {
    if (child && typeof child === 'object' && !PARAMETER_KEYS.includes(key)) scrub(child as Record<string, unknown>, depth + 1);
  }
}

/** Logged of a request: what Fastify logs by default, with the URL masked. */
function redactRequest(req: FastifyRequest) {
  return { method: req.method, url: redactUrl(req.url), host: req.host, remoteAddress: req.ip, remotePort: req.socket?.remotePort };
}

/** Serializers and redaction every logger of the app uses, whatever its level or stream. */
export function redactingLogOptions(): Pick<Exclude<FastifyServerOptions['logger'], boolean | undefined>, 'serializers' | 'redact'> {
  return {
    serializers: { req: redactRequest, err: redactError, error: redactError },
    // Should a handler log a header or a body, its secrets are masked too.
    redact: {
      paths: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]', 'headers.cookie', '*.token', '*.password', '*.newPassword', '*.params', '*.parameters'],
      censor: REDACTED,
    },
  };
}
