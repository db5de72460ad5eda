/** Whether a database error is a unique-key violation (Drizzle wraps the driver's error in `cause`). */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  const e = err as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string; constraint_name?: string } };
  const code = e?.code ?? e?.cause?.code;
  if (code !== '23505') return false;
  if (!constraint) return true;
  const name = e?.constraint ?? e?.cause?.constraint ?? e?.cause?.constraint_name;
  return name === undefined || name === constraint;
}
