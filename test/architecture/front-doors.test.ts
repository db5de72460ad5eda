import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkImports, readImports, type Violation } from './front-doors.js';

const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * The deep imports of the invoicing/quotes seam, which another branch is moving into the
 * commercial-document kernel (issue 11): removed when the document kernel lands. The list is
 * exact, file by file, so no new violation hides behind it.
 */
const PENDING_KERNEL: [file: string, specifier: string][] = [
  ['src/modules/quotes/contract.ts', '../invoicing/domain/compute-totals.js'],
  ['src/modules/quotes/contract.ts', '../invoicing/domain/quote-lifecycle.js'],
  ['src/modules/quotes/domain/invoice-lines-of-plan.ts', '../../invoicing/domain/invoicing-plan.js'],
  ['src/modules/quotes/domain/vat-exact-shares.test.ts', '../../invoicing/domain/compute-totals.js'],
  ['src/modules/quotes/domain/vat-exact-shares.ts', '../../invoicing/domain/compute-totals.js'],
  ['src/modules/quotes/draft-quotes.ts', '../invoicing/domain/compute-totals.js'],
  ['src/modules/quotes/draft-quotes.ts', '../invoicing/domain/quote-lifecycle.js'],
  ['src/modules/quotes/get-quote.ts', '../invoicing/domain/quote-lifecycle.js'],
  ['src/modules/quotes/invoice-quote.ts', '../invoicing/domain/compute-totals.js'],
  ['src/modules/quotes/invoice-quote.ts', '../invoicing/domain/invoicing-plan.js'],
  ['src/modules/quotes/move-quote.ts', '../invoicing/domain/quote-lifecycle.js'],
  ['src/modules/quotes/portal-quotes.ts', '../invoicing/domain/quote-lifecycle.js'],
  ['src/modules/quotes/quote-pdf.ts', '../invoicing/domain/compute-totals.js'],
  ['src/modules/quotes/quote-refusals.ts', '../invoicing/domain/quote-lifecycle.js'],
  ['src/modules/quotes/schema.ts', '../invoicing/domain/compute-totals.js'],
  ['src/modules/quotes/schema.ts', '../invoicing/domain/quote-lifecycle.js'],
  ['src/modules/quotes/send-quote.ts', '../invoicing/domain/french-format.js'],
  ['src/web/modules/invoices/InvoiceDetailPage.tsx', '../../../modules/invoicing/domain/french-format'],
  ['src/web/modules/invoices/InvoiceDetailPage.tsx', '../../../modules/invoicing/domain/invoice-lifecycle'],
  ['src/web/modules/invoices/InvoiceDetailPage.tsx', '../quotes/QuoteOfInvoiceLink'],
  ['src/web/modules/invoices/InvoiceEditorPage.tsx', '../../../modules/invoicing/domain/compute-totals'],
  ['src/web/modules/invoices/InvoiceEditorPage.tsx', '../activities/use-activities'],
  ['src/web/modules/invoices/InvoiceEditorPage.tsx', '../clients/use-clients'],
  ['src/web/modules/invoices/InvoiceStatusBadge.tsx', '../../../modules/invoicing/domain/invoice-lifecycle'],
  ['src/web/modules/invoices/InvoicesPage.tsx', '../../../modules/invoicing/domain/invoice-lifecycle'],
  ['src/web/modules/invoices/InvoicesPage.tsx', '../activities/use-activities'],
  ['src/web/modules/invoices/InvoicesPage.tsx', '../clients/use-clients'],
  ['src/web/modules/invoices/invoice-form.ts', '../../../modules/invoicing/domain/compute-totals'],
  ['src/web/modules/invoices/invoice-form.ts', '../../../modules/invoicing/domain/line-problems'],
  ['src/web/modules/invoices/invoice-form.ts', '../../../modules/invoicing/domain/totals-line'],
  ['src/web/modules/invoices/use-invoices.ts', '../../../platform/http/pagination'],
  ['src/web/modules/quotes/InvoiceQuotePanel.tsx', '../invoices/invoice-form'],
  ['src/web/modules/quotes/PortalQuotePage.tsx', '../invoices/InvoiceEditorPage'],
  ['src/web/modules/quotes/QuoteDetailPage.tsx', '../invoices/InvoiceEditorPage'],
  ['src/web/modules/quotes/QuoteDetailPage.tsx', '../invoices/use-invoices'],
  ['src/web/modules/quotes/QuoteEditorPage.tsx', '../../../modules/invoicing/domain/compute-totals'],
  ['src/web/modules/quotes/QuoteEditorPage.tsx', '../activities/use-activities'],
  ['src/web/modules/quotes/QuoteEditorPage.tsx', '../clients/use-clients'],
  ['src/web/modules/quotes/QuoteEditorPage.tsx', '../invoices/InvoiceEditorPage'],
  ['src/web/modules/quotes/QuoteEditorPage.tsx', '../invoices/invoice-form'],
  ['src/web/modules/quotes/QuoteEditorPage.tsx', '../invoices/use-invoices'],
  ['src/web/modules/quotes/QuoteLineCard.tsx', '../invoices/invoice-form'],
  ['src/web/modules/quotes/QuoteLinesTable.tsx', '../invoices/invoice-form'],
  ['src/web/modules/quotes/QuotesPage.tsx', '../activities/use-activities'],
  ['src/web/modules/quotes/QuotesPage.tsx', '../clients/use-clients'],
  ['src/web/modules/quotes/quote-form.test.ts', '../../../modules/invoicing/domain/compute-totals'],
  ['src/web/modules/quotes/quote-form.test.ts', '../invoices/invoice-form'],
  ['src/web/modules/quotes/quote-form.ts', '../../../modules/invoicing/domain/quote-lifecycle'],
  ['src/web/modules/quotes/quote-form.ts', '../invoices/invoice-form'],
  ['src/web/modules/quotes/use-quotes.ts', '../../../platform/http/pagination'],
];

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

  it('a web module is entered only through its index.ts from outside it', () => {
    expect(
      violationsOf({
        'src/web/app/router.tsx': [
          "import { MembersPage } from '../modules/members';",
          "const page = () => import('../modules/clients/ClientsPage');",
        ].join('\n'),
        'src/web/modules/members/MembersPage.tsx': "import { MemberStatusBadge } from './MemberStatusBadge';\nimport { useClients } from '../clients/use-clients';",
        'src/web/modules/members/index.ts': "export { default as MembersPage } from './MembersPage';",
        // The catalogues are assembled by src/web/i18n, outside the lazily loaded index.
        'src/web/i18n/fr.ts': "import { fr as members } from '../modules/members/i18n.fr';",
        'src/web/app/layout.tsx': "import { fr } from '../modules/members/i18n.fr';",
      }),
    ).toEqual([
      { rule: 'web-module-through-index', file: 'src/web/app/layout.tsx', specifier: '../modules/members/i18n.fr' },
      { rule: 'web-module-through-index', file: 'src/web/app/router.tsx', specifier: '../modules/clients/ClientsPage' },
      { rule: 'web-module-through-index', file: 'src/web/modules/members/MembersPage.tsx', specifier: '../clients/use-clients' },
    ]);
  });

  it('the real tree keeps every rule, but for the pending kernel seam', () => {
    const found = checkImports(readImports(REPO_ROOT)).map((v): [string, string] => [v.file, v.specifier]);
    const order = (a: [string, string], b: [string, string]) => a.join(' ').localeCompare(b.join(' '));
    expect(found.sort(order)).toEqual([...PENDING_KERNEL].sort(order));
  });
});
