import { createHash, randomBytes } from 'node:crypto';

/** A feed's secret: 32 random bytes in the URL (base64url, 43 characters); only the hash is stored. */
export const newFeedToken = (): string => randomBytes(32).toString('base64url');
export const hashFeedToken = (token: string): string => createHash('sha256').update(token).digest('hex');
export const feedPath = (token: string): string => `/api/resources/feeds/${token}.ics`;
