import { performance } from 'node:perf_hooks';
import type { TestClient } from '../../test/support/app.js';
import { percentile } from './bench-database.js';

export interface RequestScenario {
  url: (i: number) => string;
  /** A reason the answer is wrong, or null: a fast wrong answer proves nothing. */
  check?: (body: any, i: number) => string | null;
}

export interface RequestFigures {
  n: number;
  p50: number;
  p95: number;
  max: number;
  /** What the first measured answer held: "items of total" for a page, else "1". */
  rows: string;
  error: string | null;
}

/** GETs a scenario's URLs one after the other, `warmUp` unmeasured first; percentiles of the rest. */
export async function measureRequests(client: TestClient, s: RequestScenario, counts: { warmUp: number; requests: number }): Promise<RequestFigures> {
  const durations: number[] = [];
  let error: string | null = null;
  let rows = '';
  for (let i = 0; i < counts.warmUp + counts.requests; i++) {
    const url = s.url(i);
    const started = performance.now();
    const res = await client.get(url);
    const elapsed = performance.now() - started;
    if (i >= counts.warmUp) durations.push(elapsed);
    if (res.status !== 200) error ??= `${url} answered ${res.status}: ${res.raw.slice(0, 200)}`;
    else if (s.check) {
      const wrong = s.check(res.body, i);
      if (wrong) error ??= `${url}: ${wrong}`;
    }
    if (i === counts.warmUp) rows = typeof res.body?.total === 'number' ? `${res.body.items.length} of ${res.body.total}` : '1';
  }
  durations.sort((a, b) => a - b);
  return { n: durations.length, p50: percentile(durations, 50), p95: percentile(durations, 95), max: durations[durations.length - 1]!, rows, error };
}
