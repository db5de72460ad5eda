// Builds the server (src/ without src/web and the tests) to JavaScript in dist/server when
// the build is missing or older than its sources, so that `npm start` runs it with plain
// `node`: no TypeScript loader in production, whose compiler and second process cost memory
// on every start.
//
// One JavaScript file per TypeScript file, at the same place under dist/server as under src/,
// and every other file of src/ (the PDF fonts and colour profile…) copied beside them: paths
// computed from import.meta.url resolve in the build as they do in the sources, wherever a
// module moves. The build is thrown away and made again whole, so a deleted source leaves
// nothing behind. Used by `npm start`, `npm run mutualise` and bin/mutualise.js.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const serverBuildDir = path.join(root, 'dist/server');
const src = path.join(root, 'src');
const stamp = path.join(serverBuildDir, '.built');
const isSource = (p) => !p.startsWith(path.join(src, 'web') + path.sep) && p !== path.join(src, 'web');
const isTest = (name) => /\.test\.ts$/.test(name);

/** Every path under `dir` (folders included: adding or removing a file changes its folder's mtime). */
function walk(dir, visit) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (!isSource(p)) continue;
    visit(p, entry);
    if (entry.isDirectory()) walk(p, visit);
  }
}

function newestSource() {
  let newest = fs.statSync(src).mtimeMs;
  walk(src, (p) => (newest = Math.max(newest, fs.statSync(p).mtimeMs)));
  const inputs = ['package-lock.json', 'tsconfig.json', 'scripts/build-server-if-stale.mjs'];
  return Math.max(newest, ...inputs.map((f) => fs.statSync(path.join(root, f)).mtimeMs));
}

export async function buildServerIfStale({ log = console.error } = {}) {
  if (fs.existsSync(stamp) && fs.statSync(stamp).mtimeMs >= newestSource()) return;
  log('building the server…');
  const started = new Date();
  const { build, stop } = await import('esbuild');
  const entryPoints = [];
  const assets = [];
  walk(src, (p, entry) => {
    if (!entry.isFile()) return;
    if (p.endsWith('.ts')) {
      if (!isTest(entry.name)) entryPoints.push(p);
    } else assets.push(p);
  });
  fs.rmSync(serverBuildDir, { recursive: true, force: true });
  // Transpile only (no bundle): imports already name their .js files, and tsconfig's
  // isolatedModules guarantees each file compiles alone. Type checking is `npm run typecheck`.
  await build({ entryPoints, outdir: serverBuildDir, outbase: src, format: 'esm', platform: 'node', target: 'node20', logLevel: 'warning' });
  // esbuild serves builds from a child process that would otherwise live as long as this one
  // (bin/mutualise.js builds, then runs the server in the same process).
  await stop();
  for (const asset of assets) {
    const to = path.join(serverBuildDir, path.relative(src, asset));
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.copyFileSync(asset, to);
  }
  // Dated from the start of the build: a source saved while it ran makes the next start build again.
  fs.writeFileSync(stamp, `${started.toISOString()}\n`);
  fs.utimesSync(stamp, started, started);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await buildServerIfStale();
