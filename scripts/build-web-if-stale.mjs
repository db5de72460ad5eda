// Builds the front end when dist/web is missing or older than its sources, so that
// `npm start` serves the current UI without rebuilding on every start.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const out = 'dist/web/index.html';
const newest = (dir) =>
  fs.readdirSync(dir, { withFileTypes: true }).reduce((max, e) => {
    const p = path.join(dir, e.name);
    return Math.max(max, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }, 0);
const sources = Math.max(newest('src/web'), ...['vite.config.ts', 'package-lock.json'].map((f) => fs.statSync(f).mtimeMs));
if (!fs.existsSync(out) || fs.statSync(out).mtimeMs < sources) {
  console.log('building the web front end…');
  execSync('npx vite build --logLevel warn', { stdio: 'inherit' });
}
