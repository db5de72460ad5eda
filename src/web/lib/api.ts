import { currentLanguage, i18n } from '../i18n';

/** One field-level problem, as listed in the API's error shape. */
export interface ApiFieldError {
  path: string;
  message: string;
}

/**
 * Any failed API call. `message` is already in the UI language (the server reads
 * Accept-Language). Network failures have status 0 and code NETWORK_ERROR.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: ApiFieldError[];

  constructor(status: number, code: string, message: string, fields: ApiFieldError[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

// The CSRF token comes with every session response; the server checks it on every
// request that changes something.
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON, or as multipart when it is a FormData. */
  body?: unknown;
  /** Appended as a query string; null and undefined values are left out. */
  query?: Record<string, QueryValue | QueryValue[]>;
  signal?: AbortSignal;
}

function withQuery(path: string, query: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== null && item !== undefined) params.append(key, String(item));
    }
  }
  const qs = params.toString();
  return qs ? `${path}${path.includes('?') ? '&' : '?'}${qs}` : path;
}

async function toApiError(response: Response): Promise<ApiError> {
  let payload: unknown = null;
  try {
    payload = await response.json();
  } catch {
    // Not JSON (a proxy page, an empty body): described by the status alone.
  }
  const error = (payload as { error?: Partial<{ code: unknown; message: unknown; fields: unknown }> } | null)
    ?.error;
  const code = typeof error?.code === 'string' ? error.code : `HTTP_${response.status}`;
  const message =
    typeof error?.message === 'string' && error.message
      ? error.message
      : i18n.t(response.status >= 500 ? 'common.errors.unexpected' : 'common.errors.title');
  const fields = Array.isArray(error?.fields)
    ? error.fields
        .filter((f): f is ApiFieldError => typeof f?.path === 'string' && typeof f?.message === 'string')
        .map((f) => ({ path: f.path, message: f.message }))
    : [];
  return new ApiError(response.status, code, message, fields);
}

/**
 * Calls the API: JSON in and out, session cookie, CSRF header on writes, the UI language
 * in Accept-Language. Resolves to the parsed body (undefined for 204), rejects with ApiError.
 */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': currentLanguage(),
  };
  // A FormData body (file upload) goes as multipart; the browser writes its boundary.
  const isForm = typeof FormData !== 'undefined' && options.body instanceof FormData;
  if (options.body !== undefined && !isForm) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      body: options.body === undefined ? undefined : isForm ? (options.body as FormData) : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'NETWORK_ERROR', i18n.t('common.errors.network'));
  }

  if (!response.ok) throw await toApiError(response);
  if (response.status === 204 || response.status === 205) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

type Opts = Omit<RequestOptions, 'method' | 'body'>;

/** Shorthands: `api.get<Member[]>('/api/members', { query: { page: 2 } })`, `api.post('/api/x', body)`. */
export const api = {
  get: <T>(path: string, options?: Opts) => apiRequest<T>(path, { ...options, method: 'GET' }),
  post: <T = void>(path: string, body?: unknown, options?: Opts) =>
    apiRequest<T>(path, { ...options, method: 'POST', body }),
  put: <T = void>(path: string, body?: unknown, options?: Opts) =>
    apiRequest<T>(path, { ...options, method: 'PUT', body }),
  patch: <T = void>(path: string, body?: unknown, options?: Opts) =>
    apiRequest<T>(path, { ...options, method: 'PATCH', body }),
  delete: <T = void>(path: string, options?: Opts) => apiRequest<T>(path, { ...options, method: 'DELETE' }),
};
