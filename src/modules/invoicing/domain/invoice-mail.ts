import { formatEuros, formatFrenchDate } from '../../documents/index.js';

export interface InvoiceMailInput {
  kind: 'invoice' | 'deposit' | 'credit_note';
  number: string;
  issueDate: string;
  dueDate: string | null;
  grossCents: number;
  /** What is still to pay today, when a copy is sent after a payment came in. */
  leftCents: number;
  coopName: string;
  activityName: string;
  /** The number of the invoice a credit note corrects. */
  creditedInvoiceNumber: string | null;
}

const NOUN = { invoice: 'facture', deposit: "facture d'acompte", credit_note: 'avoir' } as const;
const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * The mail that carries an issued invoice or credit note to the client, in French: the
 * coop invoices French clients, and the Factur-X PDF attached is the document that counts
 * (the mail only names it and what is left to pay).
 */
export function invoiceMail(input: InvoiceMailInput): { subject: string; text: string } {
  const noun = NOUN[input.kind];
  const subject = `${capitalised(noun)} ${input.number} — ${input.coopName}`;
  const about =
    input.kind === 'credit_note'
      ? `Veuillez trouver ci-joint notre avoir ${input.number} du ${formatFrenchDate(input.issueDate)}, d'un montant de ${formatEuros(input.grossCents)} TTC${
          input.creditedInvoiceNumber ? `, qui corrige la facture ${input.creditedInvoiceNumber}` : ''
        }.`
      : `Veuillez trouver ci-joint notre ${noun} ${input.number} du ${formatFrenchDate(input.issueDate)}, d'un montant de ${formatEuros(input.grossCents)} TTC.`;
  const payment =
    input.kind === 'credit_note'
      ? []
      : input.leftCents <= 0
        ? ['', 'Elle est intégralement réglée : ce message vous en adresse une copie.']
        : [
            '',
            `${input.leftCents < input.grossCents ? `Reste à régler : ${formatEuros(input.leftCents)}` : 'Elle est à régler'}${input.dueDate ? ` au plus tard le ${formatFrenchDate(input.dueDate)}` : ''}, de préférence par virement en rappelant son numéro (coordonnées bancaires sur la facture).`,
          ];
  const text = [
    'Bonjour,',
    '',
    about,
    `Prestation : ${input.activityName}.`,
    ...payment,
    '',
    'Le PDF joint est au format Factur-X : votre logiciel comptable peut lire la facture électronique qu’il contient.',
    '',
    'Cordialement,',
    input.coopName,
  ].join('\n');
  return { subject, text };
}
