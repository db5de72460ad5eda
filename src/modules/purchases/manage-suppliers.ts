import { and, asc, desc, eq, ilike, or, sql } from 'drizzle-orm';
import { recordAudit, type AuditActor } from '../../platform/audit/record-audit.js';
import type { Db, Executor } from '../../platform/db/client.js';
import { isValidBic, isValidIban, isValidSiren, normalizeBic, normalizeIban } from '../../platform/identifiers/index.js';
import { auxiliaryAccountBalance } from '../ledger/index.js';
import { renderCsv } from '../ledger/index.js';
import type { Supplier, SupplierBody, SupplierDetail, SupplierListQuery } from './contract.js';
import type { ReadParty } from './domain/read-e-invoice.js';
import { purchasesErrors } from './errors.js';
import { suppliers, type SupplierRow } from './schema.js';

export const supplierView = (r: SupplierRow): Supplier => ({ id: r.id, name: r.name, siren: r.siren, siret: r.siret, vatNumber: r.vatNumber, address: r.address, iban: r.iban, bic: r.bic });

/** The coop's suppliers matching a search on name, SIREN or VAT number, in the asked order (by name by default). */
export async function listSuppliers(db: Executor, coopId: string, q: SupplierListQuery = {}): Promise<{ items: Supplier[] }> {
  const like = q.q ? `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const order = q.dir === 'desc' ? desc : asc;
  const rows = await db
    .select()
    .from(suppliers)
    .where(and(eq(suppliers.coopId, coopId), like ? or(ilike(suppliers.name, like), ilike(suppliers.siren, like), ilike(suppliers.vatNumber, like)) : undefined))
    .orderBy(q.sort === 'siren' ? order(sql`coalesce(${suppliers.siren}, '')`) : order(suppliers.name), asc(suppliers.id))
    .limit(1000);
  return { items: rows.map(supplierView) };
}

/** The same list as CSV, for the accountant's spreadsheet. */
export async function exportSuppliersCsv(db: Executor, coopId: string, q: SupplierListQuery, today: string): Promise<{ fileName: string; csv: string }> {
  const { items } = await listSuppliers(db, coopId, q);
  const csv = renderCsv(
    ['Nom', 'SIREN', 'SIRET', 'N° TVA', 'Adresse', 'IBAN', 'BIC'],
    items.map((s) => [s.name, s.siren, s.siret, s.vatNumber, s.address, s.iban, s.bic]),
  );
  return { fileName: `fournisseurs-${today}.csv`, csv };
}

/** A supplier with its 401 auxiliary account and what the coop owes it there (credit minus debit). */
export async function getSupplierDetail(db: Executor, coopId: string, id: string): Promise<SupplierDetail> {
  const row = await getSupplierRow(db, coopId, id);
  const { number, balanceCents } = await auxiliaryAccountBalance(db, coopId, 'supplier', id);
  return { ...supplierView(row), auxiliaryNumber: number, balanceCents: -balanceCents };
}

export async function getSupplierRow(db: Executor, coopId: string, id: string): Promise<SupplierRow> {
  const [row] = await db.select().from(suppliers).where(and(eq(suppliers.coopId, coopId), eq(suppliers.id, id)));
  if (!row) throw purchasesErrors.SUPPLIER_NOT_FOUND();
  return row;
}

const isUniqueViolation = (err: unknown) => (err as { code?: string; cause?: { code?: string } }).code === '23505' || (err as { cause?: { code?: string } }).cause?.code === '23505';

function fieldsOf(body: SupplierBody) {
  const siren = body.siren ?? (body.siret ? body.siret.slice(0, 9) : null);
  return { name: body.name, siren, siret: body.siret ?? null, vatNumber: body.vatNumber ?? null, address: body.address || null, iban: body.iban ?? null, bic: body.bic ?? null };
}

/** Staff record a supplier; its SIREN and VAT number name one supplier of the coop. */
export async function createSupplier(db: Db, actor: AuditActor, body: SupplierBody): Promise<Supplier> {
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx.insert(suppliers).values({ coopId: actor.coopId, ...fieldsOf(body) }).returning();
      await recordAudit(tx, actor, { action: 'supplier.created', entityType: 'supplier', entityId: row!.id, after: fieldsOf(body) });
      return supplierView(row!);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw purchasesErrors.SUPPLIER_DUPLICATE();
    throw err;
  }
}

export async function updateSupplier(db: Db, actor: AuditActor, id: string, body: SupplierBody): Promise<Supplier> {
  try {
    return await db.transaction(async (tx) => {
      const before = await getSupplierRow(tx, actor.coopId, id);
      const [row] = await tx.update(suppliers).set({ ...fieldsOf(body), updatedAt: new Date() }).where(and(eq(suppliers.coopId, actor.coopId), eq(suppliers.id, id))).returning();
      await recordAudit(tx, actor, { action: 'supplier.updated', entityType: 'supplier', entityId: id, before: supplierView(before), after: supplierView(row!) });
      return supplierView(row!);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw purchasesErrors.SUPPLIER_DUPLICATE();
    throw err;
  }
}

/**
 * The supplier a received invoice comes from: the one with its SIREN, else its VAT number,
 * else a new one made of what the invoice says (identifiers kept only when their keys hold).
 */
export async function supplierOfSeller(tx: Executor, actor: AuditActor, seller: ReadParty, payee: { iban: string | null; bic: string | null }): Promise<SupplierRow> {
  const siren = seller.siren && isValidSiren(seller.siren) ? seller.siren : null;
  const vat = seller.vatNumber && seller.vatNumber.length <= 16 ? seller.vatNumber : null;
  const conditions = [siren ? eq(suppliers.siren, siren) : undefined, vat ? eq(suppliers.vatNumber, vat) : undefined].filter((c) => c !== undefined);
  if (conditions.length > 0) {
    const [found] = await tx.select().from(suppliers).where(and(eq(suppliers.coopId, actor.coopId), or(...conditions)));
    if (found) return found;
  }
  const iban = payee.iban && isValidIban(payee.iban) ? normalizeIban(payee.iban) : null;
  const bic = payee.bic && isValidBic(payee.bic) ? normalizeBic(payee.bic) : null;
  const values = { name: seller.name.slice(0, 200), siren, siret: null, vatNumber: vat, address: seller.address?.slice(0, 300) ?? null, iban, bic };
  const [row] = await tx.insert(suppliers).values({ coopId: actor.coopId, ...values }).returning();
  await recordAudit(tx, actor, { action: 'supplier.created', entityType: 'supplier', entityId: row!.id, after: values });
  return row!;
}
