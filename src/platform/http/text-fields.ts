import { z } from 'zod';

/** Optional text: absent, null or a trimmed non-empty string (an empty input means null). */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .optional();
