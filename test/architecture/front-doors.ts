import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * The house rules on who may import whom (STYLE.md §1, §2, §10), as a pure check over
 * (file, specifier) pairs so that it runs on a fixture as well as on the real tree.
 * Paths are relative to the repository root, with forward slashes.
 */
export interface ImportEdge {
  file: string;
  specifier: string;
}

export interface Violation extends ImportEdge {
  rule: 'platform-imports-no-module' | 'module-through-index' | 'root-through-index' | 'web-imports-contracts' | 'web-module-through-index';
  target: string;
}

/** Every import, re-export and dynamic import() of every .ts/.tsx file under `root/src`. */
export function readImports(root: string): ImportEdge[] {
  const edges: ImportEdge[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry.name)) {
        // preProcessFile reads import/export-from/import() and skips comments and strings.
        const { importedFiles } = ts.preProcessFile(fs.readFileSync(full, 'utf8'), true, true);
        const file = path.relative(root, full).split(path.sep).join('/');
        for (const imported of importedFiles) edges.push({ file, specifier: imported.fileName });
      }
    }
  };
  walk(path.join(root, 'src'));
  return edges;
}

/** The imported file, relative to the root and without extension; null for a package. */
export function resolveTarget(edge: ImportEdge): string | null {
  if (!edge.specifier.startsWith('.')) return null;
  const joined = path.posix.normalize(path.posix.join(path.posix.dirname(edge.file), edge.specifier));
  return joined.replace(/\.(js|jsx|ts|tsx|mjs)$/, '').replace(/\/$/, '');
}

const withoutExtension = (file: string): string => file.replace(/\.(ts|tsx)$/, '');
const moduleOf = (p: string): string | null => /^src\/modules\/([^/]+)\//.exec(p)?.[1] ?? null;
const webModuleOf = (p: string): string | null => /^src\/web\/modules\/([^/]+)\//.exec(p)?.[1] ?? null;
const isCompositionRoot = (p: string): boolean => /^src\/(server|cli)$/.test(p) || p.startsWith('src/demo/');
const isServerCode = (p: string): boolean =>
  p.startsWith('src/modules/') || p.startsWith('src/platform/') || isCompositionRoot(p);

/**
 * Imports between two modules that do not go through the front door, allowed because the
 * index.ts cannot carry them.
 */
const CROSS_MODULE_EXCEPTIONS: { from: RegExp; to: RegExp; why: string }[] = [
  {
    from: /^src\/modules\/[^/]+\/schema$/,
    to: /^src\/modules\/[^/]+\/schema$/,
    why: 'a SQL foreign key names the other module\'s table (a plain id column, no ORM relation)',
  },
  {
    from: /^src\/modules\/[^/]+\/contract$/,
    to: /^src\/modules\/[^/]+\/contract$/,
    why: 'wire schemas are shared between contracts, which the web imports without the server code behind an index.ts',
  },
  {
    from: /^src\/modules\/[^/]+\/.+\.test$/,
    to: /^src\/modules\/[^/]+\/schema$/,
    why: 'a test reads the rows another module wrote as a side effect of the operation under test (the ledger entries of a reconciled bank line), which no service returns',
  },
];

/**
 * A web module's catalogues (i18n.fr.ts, i18n.en.ts) are assembled by src/web/i18n at start,
 * bundled with the app, while the module's index.ts is loaded lazily with its pages: reading
 * them through the index would pull every page into the first load.
 */
const WEB_CATALOGUE = { from: /^src\/web\/i18n\/[^/]+$/, to: /^src\/web\/modules\/[^/]+\/i18n\.[a-z]{2}$/ };

/** What the web may import from the server side: the API contracts, nothing that runs there. */
const WEB_MAY_IMPORT = [/^src\/modules\/[^/]+\/contract$/, /^src\/platform\/[^/]+\/contract$/];

export function checkImports(edges: ImportEdge[]): Violation[] {
  const violations: Violation[] = [];
  for (const edge of edges) {
    const target = resolveTarget(edge);
    if (target === null) continue;
    const from = withoutExtension(edge.file);
    const fail = (rule: Violation['rule']): void => void violations.push({ ...edge, rule, target });

    // (a) Platform knows no cooperative noun: it never imports a module, the web or the root.
    if (from.startsWith('src/platform/') && (target.startsWith('src/modules/') || target.startsWith('src/web/') || isCompositionRoot(target))) {
      fail('platform-imports-no-module');
    }

    // The composition root (server.ts, cli.ts, the demo seed) assembles the modules through
    // their front doors, as any other caller.
    const toModuleOfRoot = moduleOf(target);
    if (isCompositionRoot(from) && toModuleOfRoot !== null && target !== `src/modules/${toModuleOfRoot}/index`) fail('root-through-index');

    // (b) A module reaches another only through its index.ts (and the stated exceptions);
    // it imports neither the web nor the composition root that assembles it.
    const fromModule = moduleOf(from);
    const toModule = moduleOf(target);
    if (fromModule !== null) {
      if (target.startsWith('src/web/') || isCompositionRoot(target)) fail('module-through-index');
      else if (toModule !== null && toModule !== fromModule && target !== `src/modules/${toModule}/index`) {
        if (!CROSS_MODULE_EXCEPTIONS.some((e) => e.from.test(from) && e.to.test(target))) fail('module-through-index');
      }
    }

    if (from.startsWith('src/web/')) {
      // (c) The browser bundle takes the API contracts from the server, nothing else.
      if (isServerCode(target) && !WEB_MAY_IMPORT.some((allowed) => allowed.test(target))) fail('web-imports-contracts');
      // (d) A web module is entered through its index.ts from anywhere outside it, or through its
      // pure.ts: the React-free rules other modules' form code and node tests load without
      // pulling the components (which touch `document`) behind the index.
      const toWebModule = webModuleOf(target);
      const doors = [`src/web/modules/${toWebModule}/index`, `src/web/modules/${toWebModule}/pure`];
      if (toWebModule !== null && toWebModule !== webModuleOf(from) && !doors.includes(target)) {
        if (!(WEB_CATALOGUE.from.test(from) && WEB_CATALOGUE.to.test(target))) fail('web-module-through-index');
      }
    }
  }
  return violations;
}
