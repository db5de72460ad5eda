import { centsToFrenchDecimal as money, frenchDate, renderCsv } from '../ledger/index.js';
import type { DunningKind } from './domain/dunning-plan.js';
import type { DunningAction } from './contract.js';

/** One invoice of a debtor handed over to recovery, with what was done to get it paid. */
export interface RecoveryRow {
  creditor: { name: string; siren: string };
  debtor: {
    name: string;
    kind: 'company' | 'individual';
    siren: string | null;
    siret: string | null;
    vatNumber: string | null;
    email: string | null;
    address: { line1: string; line2: string | null; postalCode: string; city: string; country: string } | null;
  };
  invoice: { number: string; issueDate: string; dueDate: string; grossCents: number; settledCents: number; amountLeftCents: number };
  openedOn: string;
  steps: Array<{ kind: DunningKind; action: DunningAction; date: string; recipient: string | null }>;
}

const HOW: Partial<Record<DunningAction, (r: string | null) => string>> = {
  sent: (r) => `courriel à ${r ?? '?'}`,
  no_email: () => 'sans adresse électronique, à envoyer par courrier',
};

/**
 * The file a bailiff or a collection partner needs to take over a claim: who owes (identity,
 * SIREN, address), what (each invoice, its dates, what is left) and the proof the debtor was
 * reminded and put on notice, with dates. Steps passed over by a catch-up never reached the
 * debtor and are left out. One row per invoice, in the CSV dialect of the ledger exports.
 */
export function recoveryCsv(rows: readonly RecoveryRow[]): string {
  return renderCsv(
    [
      'Créancier', 'SIREN créancier', 'Débiteur', 'Type', 'SIREN', 'SIRET', 'N° TVA', 'Adresse', 'Complément', 'Code postal', 'Ville', 'Pays', 'Courriel',
      'Facture', "Date d'émission", "Date d'échéance", 'Montant TTC', 'Réglé ou crédité', 'Reste dû', 'Relances envoyées', 'Mise en demeure', 'Entrée en recouvrement',
    ],
    rows.map((r) => {
      const taken = r.steps.filter((s) => s.action !== 'skipped');
      const list = (kind: DunningKind) =>
        taken
          .filter((s) => s.kind === kind)
          .map((s) => `${frenchDate(s.date)}${HOW[s.action] ? ` (${HOW[s.action]!(s.recipient)})` : ''}`)
          .join(' ; ');
      const a = r.debtor.address;
      return [
        r.creditor.name, r.creditor.siren, r.debtor.name, r.debtor.kind === 'company' ? 'Entreprise' : 'Particulier', r.debtor.siren, r.debtor.siret, r.debtor.vatNumber,
        a?.line1, a?.line2, a?.postalCode, a?.city, a?.country, r.debtor.email,
        r.invoice.number, frenchDate(r.invoice.issueDate), frenchDate(r.invoice.dueDate), money(r.invoice.grossCents), money(r.invoice.settledCents), money(r.invoice.amountLeftCents),
        list('reminder'), list('formal_notice'), frenchDate(r.openedOn),
      ];
    }),
  );
}
