import type pg from 'pg';

/** Waits until no session is connected to `database` (at most 5 s). */
export async function untilNoSession(admin: pg.Client, database: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (Date.now() < deadline) {
    const { rows } = await admin.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where datname = $1', [database]);
    if (rows[0]!.n === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
