// The wire shapes every list route shares, for the web client (which imports contracts only).
export type { Page } from './pagination.js';
