import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sirenFor, siretFor } from '../../../test/support/fixtures.js';
import { databaseBeforeMigration, type DatabaseBefore } from '../../../test/support/migration-harness.js';
import type { Database } from '../../platform/db/client.js';
import { migrateDatabase } from '../../platform/db/migrate.js';

// The migration under test on the schema a running instance had (test/support/migration-harness.ts).
const TAG = 'purchase_categories';

let database: Database;
let before: DatabaseBefore;

/**
 * A coop row as the schema just before this migration has it: `createCoopRowForMigrationTest`
 * writes the columns of older versions, without the e-invoicing address added since.
 */
async function coopRow(label: string): Promise<{ id: string }> {
  const siren = sirenFor(Math.floor(Math.random() * 1_000_000) * 7919 + 13);
  const [row] = await rows<{ id: string }>(
    sql`insert into coops (name, legal_form, siren, siret, vat_number, address_line1, postal_code, city, iban, bic, electronic_address)
        values (${`Coop ${label}`}, 'scop_sa', ${siren}, ${siretFor(siren)}, ${`FR00${siren}`}, '1 rue de la Coopération', '75011', 'Paris', 'FR7630006000011234567890189', 'AGRIFRPP', ${siren}) returning id`,
  );
  return row!;
}

const rows = async <T>(query: ReturnType<typeof sql>) => ((await database.db.execute(query)) as unknown as { rows: T[] }).rows;

beforeAll(async () => {
  before = await databaseBeforeMigration(TAG);
  database = before.database;
});
afterAll(async () => {
  await before?.close();
});

describe('the migration to spending categories on supplier invoice lines', () => {
  it("gives each line the coop's category of its account, else one under it, else 'other supplies'; a line without account takes its category's; a coop without purchases gets no categories", async () => {
    const a = await coopRow('migrate-purch-a');
    const b = await coopRow('migrate-purch-b');
    const [supplier] = await rows<{ id: string }>(sql`insert into suppliers (coop_id, name) values (${a.id}, 'Papeterie') returning id`);
    const [invoice] = await rows<{ id: string }>(
      sql`insert into supplier_invoices (coop_id, supplier_id, kind, type_code, number, issue_date, issue_year, net_cents, vat_cents, gross_cents, origin)
          values (${a.id}, ${supplier!.id}, 'invoice', '380', 'F-1', '2026-03-02', 2026, 400, 0, 400, 'manual') returning id`,
    );
    for (const [position, account] of [[1, '6064'], [2, '6132'], [3, '613'], [4, '601'], [5, null]] as const) {
      await database.db.execute(sql`insert into supplier_invoice_lines (coop_id, invoice_id, position, label, account, net_cents, vat_rate_bp, vat_cents) values (${a.id}, ${invoice!.id}, ${position}, 'Ligne', ${account}, 100, 0, 0)`);
    }

    await migrateDatabase(database);

    const lines = await rows<{ position: number; account: string; code: string }>(
      sql`select l.position, l.account, s.code from supplier_invoice_lines l join spending_categories s on s.coop_id = l.coop_id and s.id = l.spending_category_id where l.coop_id = ${a.id} order by l.position`,
    );
    expect(lines.map((l) => [l.position, l.account, l.code])).toEqual([
      [1, '6064', 'office_supplies'],
      [2, '6132', 'premises_rental'],
      // 613 has no category of its own: the first under it (6132 premises, 6135 equipment), by code; the booked account stays.
      [3, '613', 'equipment_rental'],
      [4, '601', 'other_supplies'],
      [5, '6068', 'other_supplies'],
    ]);
    const [{ n }] = (await rows<{ n: string }>(sql`select count(*)::text as n from spending_categories where coop_id = ${b.id}`)) as [{ n: string }];
    expect(n).toBe('0');
  });
});
