import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkImports, readImports, type Violation } from './front-doors.js';

const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

const temporaryRoots: string[] = [];
afterAll(() => {
  for (const root of temporaryRoots) fs.rmSync(root, { recursive: true, force: true });
});

/** Writes a small source tree (path → text) in a temporary folder and checks its imports. */
function violationsOf(files: Record<string, string>): Pick<Violation, 'rule' | 'file' | 'specifier'>[] {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'front-doors-'));
  temporaryRoots.push(root);
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  return checkImports(readImports(root)).map(({ rule, file, specifier }) => ({ rule, file, specifier }));
}

describe('the front doors', () => {
  it('platform never imports a module, the web or the composition root', () => {
    expect(
      violationsOf({
        'src/platform/audit/write-audit.ts': [
          "import { db } from '../db/client.js';",
          "import { getMember } from '../../modules/members/index.js';",
          "export { seedDemo } from '../../demo/seed-demo.js';",
        ].join('\n'),
      }),
    ).toEqual([
      { rule: 'platform-imports-no-module', file: 'src/platform/audit/write-audit.ts', specifier: '../../modules/members/index.js' },
      { rule: 'platform-imports-no-module', file: 'src/platform/audit/write-audit.ts', specifier: '../../demo/seed-demo.js' },
    ]);
  });

  it('a module reaches another module only through its index.ts, schema and contract files excepted', () => {
    expect(
      violationsOf({
        'src/modules/quotes/draft-quote.ts': [
          "import { createDraftInvoice } from '../invoicing/index.js';",
          "import { computeTotals } from '../invoicing/domain/compute-totals.js';",
          "import { quoteLines } from './schema.js';",
          "const lazily = await import('../invoicing/draft-invoices.js');",
        ].join('\n'),
        // A foreign key names the other table; a wire schema reuses another module's.
        'src/modules/quotes/schema.ts': "import { invoices } from '../invoicing/schema.js';\nimport { LINE } from '../invoicing/domain/lines.js';",
        'src/modules/quotes/contract.ts': "export { invoiceLine } from '../invoicing/contract.js';",
        'src/modules/quotes/routes.int.test.ts': "import { invoices } from '../invoicing/schema.js';",
        'src/modules/quotes/routes.ts': "import { app } from '../../server.js';",
      }),
    ).toEqual([
      { rule: 'module-through-index', file: 'src/modules/quotes/draft-quote.ts', specifier: '../invoicing/domain/compute-totals.js' },
      { rule: 'module-through-index', file: 'src/modules/quotes/draft-quote.ts', specifier: '../invoicing/draft-invoices.js' },
      { rule: 'module-through-index', file: 'src/modules/quotes/routes.ts', specifier: '../../server.js' },
      { rule: 'module-through-index', file: 'src/modules/quotes/schema.ts', specifier: '../invoicing/domain/lines.js' },
    ]);
  });

  it('the composition root reaches the modules only through their index.ts', () => {
    expect(
      violationsOf({
        'src/cli.ts': "import { allCoopIds } from './modules/coops/index.js';\nimport { coops } from './modules/coops/schema.js';",
        'src/demo/seed-demo.ts': "import { createMember } from '../modules/members/index.js';\nimport { moveMember } from '../modules/members/move-member.js';",
      }),
    ).toEqual([
      { rule: 'root-through-index', file: 'src/cli.ts', specifier: './modules/coops/schema.js' },
      { rule: 'root-through-index', file: 'src/demo/seed-demo.ts', specifier: '../modules/members/move-member.js' },
    ]);
  });

  it('web code takes only the API contracts from the server', () => {
    expect(
      violationsOf({
        'src/web/modules/members/MembersPage.tsx': [
          "import type { Member } from '../../../modules/members/contract';",
          "import type { SessionBody } from '../../../platform/auth/contract';",
          "import { allowedMoves } from '../../../modules/members/domain/lifecycle';",
          "import type { Page } from '../../../platform/http/pagination';",
          "import { createMember } from '../../../modules/members/index';",
        ].join('\n'),
      }),
    ).toEqual([
      { rule: 'web-imports-contracts', file: 'src/web/modules/members/MembersPage.tsx', specifier: '../../../modules/members/domain/lifecycle' },
      { rule: 'web-imports-contracts', file: 'src/web/modules/members/MembersPage.tsx', specifier: '../../../platform/http/pagination' },
      { rule: 'web-imports-contracts', file: 'src/web/modules/members/MembersPage.tsx', specifier: '../../../modules/members/index' },
    ]);
  });

  it('a web module is entered only through its index.ts (or its pure.ts rules) from outside it', () => {
    expect(
      violationsOf({
        'src/web/app/router.tsx': [
          "import { MembersPage } from '../modules/members';",
          "const page = () => import('../modules/clients/ClientsPage');",
        ].join('\n'),
        'src/web/modules/members/MembersPage.tsx': "import { MemberStatusBadge } from './MemberStatusBadge';\nimport { useClients } from '../clients/use-clients';",
        // The second door: React-free rules another module's form code loads in node tests.
        'src/web/modules/members/member-form.ts': "import { liveTotals } from '../documents/pure';\nimport { parseLines } from '../documents/line-form';",
        'src/web/modules/members/index.ts': "export { default as MembersPage } from './MembersPage';",
        // The catalogues are assembled by src/web/i18n, outside the lazily loaded index.
        'src/web/i18n/fr.ts': "import { fr as members } from '../modules/members/i18n.fr';",
        'src/web/app/layout.tsx': "import { fr } from '../modules/members/i18n.fr';",
      }),
    ).toEqual([
      { rule: 'web-module-through-index', file: 'src/web/app/layout.tsx', specifier: '../modules/members/i18n.fr' },
      { rule: 'web-module-through-index', file: 'src/web/app/router.tsx', specifier: '../modules/clients/ClientsPage' },
      { rule: 'web-module-through-index', file: 'src/web/modules/members/member-form.ts', specifier: '../documents/line-form' },
      { rule: 'web-module-through-index', file: 'src/web/modules/members/MembersPage.tsx', specifier: '../clients/use-clients' },
    ]);
  });

  it('the real tree keeps every rule', () => {
    expect(checkImports(readImports(REPO_ROOT))).toEqual([]);
  });
});
