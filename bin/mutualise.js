#!/usr/bin/env node
// The `mutualise` command: the server built to JavaScript (made again first when its sources
// changed), run by this same node process: no TypeScript loader at run time.
import { buildServerIfStale } from '../scripts/build-server-if-stale.mjs';

await buildServerIfStale();
await import('../dist/server/cli.js');
