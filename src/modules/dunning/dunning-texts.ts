import { formatEuros, formatFrenchDate, formatIban, RECOVERY_INDEMNITY_CENTS } from '../documents/index.js';
import { addDays } from '../../platform/calendar/index.js';
import { latePenaltyCents } from './domain/late-interest.js';

/**
 * What the client reads at each step: mails and the formal-notice letter, in French (the coop
 * and its clients are French; the text is the coop's voice, not the interface's). Pure: the
 * day is an argument.
 */
export interface DunningContext {
  coop: {
    name: string;
    addressLines: string[];
    siren: string;
    /** "RCS Lyon 552 081 317": correspondence carries it too (Code de commerce R123-237). */
    registration?: string | null;
    email: string | null;
    phone: string | null;
    iban: string;
    bic: string;
    latePenaltyRateBp: number;
  };
  /** The member's activity, the name the client knows. */
  activityName: string | null;
  client: { name: string; kind: 'company' | 'individual'; addressLines: string[] };
  invoice: { number: string; issueDate: string; dueDate: string; amountLeftCents: number };
  today: string;
}

export interface MailText {
  subject: string;
  text: string;
}

/** A formal notice gives 8 days to pay before recovery proceedings. */
export const FORMAL_NOTICE_DAYS = 8;

const sender = (ctx: DunningContext) => (ctx.activityName ? `${ctx.activityName} (${ctx.coop.name})` : ctx.coop.name);

const howToPay = (ctx: DunningContext) =>
  [
    'Vous pouvez régler par virement bancaire :',
    `  Bénéficiaire : ${ctx.coop.name}`,
    `  IBAN : ${formatIban(ctx.coop.iban)}`,
    ...(ctx.coop.bic ? [`  BIC : ${ctx.coop.bic}`] : []),
    `  Référence à indiquer : ${ctx.invoice.number}`,
  ].join('\n');

const contact = (ctx: DunningContext) =>
  [ctx.coop.email ? `par courriel à ${ctx.coop.email}` : null, ctx.coop.phone ? `par téléphone au ${ctx.coop.phone}` : null].filter(Boolean).join(' ou ');

const signature = (ctx: DunningContext) => ['Cordialement,', '', sender(ctx), ...ctx.coop.addressLines].join('\n');

/**
 * A reminder (relance): courteous, since most late payments are an oversight; the second
 * one says it is the second and that a formal notice comes next.
 */
export function reminderMail(ctx: DunningContext, previousReminders: number): MailText {
  const { invoice } = ctx;
  const left = formatEuros(invoice.amountLeftCents);
  const due = formatFrenchDate(invoice.dueDate);
  const reach = contact(ctx);
  const first = previousReminders === 0;
  const paragraphs = [
    'Bonjour,',
    first
      ? `Sauf erreur de notre part, la facture n° ${invoice.number} du ${formatFrenchDate(invoice.issueDate)}, arrivée à échéance le ${due}, n'est pas encore réglée : il reste ${left} à payer.`
      : `Malgré notre précédent rappel, la facture n° ${invoice.number} du ${formatFrenchDate(invoice.issueDate)}, échue depuis le ${due}, reste impayée : il reste ${left} à payer.`,
    first
      ? 'Il s’agit sans doute d’un simple oubli. Nous vous remercions de bien vouloir procéder au règlement dès que possible.'
      : 'Nous vous remercions de procéder au règlement sans tarder. À défaut, nous serons contraints de vous adresser une mise en demeure.',
    howToPay(ctx),
    `Si vous avez réglé cette facture entre-temps, merci de ne pas tenir compte de ce message.${reach ? ` Pour toute question, vous pouvez nous joindre ${reach}.` : ''}`,
    signature(ctx),
  ];
  return {
    subject: first ? `Rappel : facture ${invoice.number} arrivée à échéance` : `Deuxième rappel : facture ${invoice.number} impayée`,
    text: paragraphs.join('\n\n') + '\n',
  };
}

export interface FormalNoticeLetter {
  title: string;
  /** The day the client must have paid by. */
  deadline: string;
  penaltyCents: number;
  /** 40 € per invoice, owed by a professional only (art. L441-10 II and D441-5 C. com.). */
  indemnityCents: number;
  totalClaimedCents: number;
  /** The amounts claimed, as the letter's table shows them. */
  claims: Array<[string, string]>;
  paragraphs: string[];
}

/**
 * The formal notice (mise en demeure): the invoice, what is left, the late-payment penalties
 * at the coop's rate from the day after the due date (art. L441-10 II Code de commerce), the
 * 40 € fixed recovery indemnity (art. L441-10 II and D441-5) for a professional client, and 8
 * days to pay before recovery proceedings. An individual owes neither: they owe interest at
 * the legal rate from this notice (art. 1231-6 Code civil).
 */
export function formalNoticeLetter(ctx: DunningContext): FormalNoticeLetter {
  const { invoice, client } = ctx;
  const professional = client.kind === 'company';
  const deadline = addDays(ctx.today, FORMAL_NOTICE_DAYS);
  const penaltyCents = professional ? latePenaltyCents({ amountLeftCents: invoice.amountLeftCents, rateBp: ctx.coop.latePenaltyRateBp, dueDate: invoice.dueDate, today: ctx.today }) : 0;
  const indemnityCents = professional ? RECOVERY_INDEMNITY_CENTS : 0;
  const rate = `${(ctx.coop.latePenaltyRateBp / 100).toLocaleString('fr-FR')}\u00a0%`;
  const claims: Array<[string, string]> = [[`Reste dû sur la facture n° ${invoice.number}`, formatEuros(invoice.amountLeftCents)]];
  if (professional) {
    claims.push([`Pénalités de retard au taux annuel de ${rate}, du ${formatFrenchDate(addDays(invoice.dueDate, 1))} au ${formatFrenchDate(ctx.today)}`, formatEuros(penaltyCents)]);
    claims.push(['Indemnité forfaitaire pour frais de recouvrement', formatEuros(indemnityCents)]);
  }
  const totalClaimedCents = invoice.amountLeftCents + penaltyCents + indemnityCents;
  const paragraphs = [
    'Madame, Monsieur,',
    `Nous constatons que la facture n° ${invoice.number} émise le ${formatFrenchDate(invoice.issueDate)}, payable au plus tard le ${formatFrenchDate(invoice.dueDate)}, n'est toujours pas intégralement réglée malgré nos relances. Il reste dû ${formatEuros(invoice.amountLeftCents)}.`,
    professional
      ? `Conformément à l'article L441-10 du Code de commerce et aux conditions figurant sur la facture, ce retard rend exigibles de plein droit des pénalités de retard au taux annuel de ${rate} à compter du lendemain de la date d'échéance, ainsi que l'indemnité forfaitaire pour frais de recouvrement de 40\u00a0€ prévue à l'article D441-5 du même code.`
      : "Conformément à l'article 1231-6 du Code civil, la somme due porte intérêts au taux légal à compter de la présente mise en demeure.",
    `Par la présente, nous vous mettons en demeure de nous régler la somme de ${formatEuros(totalClaimedCents)} dans un délai de ${FORMAL_NOTICE_DAYS} jours, soit au plus tard le ${formatFrenchDate(deadline)}, par virement sur le compte IBAN ${formatIban(ctx.coop.iban)}${ctx.coop.bic ? ` (BIC ${ctx.coop.bic})` : ''} en indiquant la référence ${invoice.number}.`,
    "À défaut de paiement dans ce délai, nous engagerons sans autre avis la procédure de recouvrement de notre créance, y compris par voie judiciaire, dont les frais resteront à votre charge.",
    'Si vous avez réglé cette somme entre-temps, nous vous prions de ne pas tenir compte de la présente.',
    'Veuillez agréer, Madame, Monsieur, l’expression de nos salutations distinguées.',
  ];
  return { title: `Mise en demeure de payer — facture n° ${invoice.number}`, deadline, penaltyCents, indemnityCents, totalClaimedCents, claims, paragraphs };
}

/** The mail that carries the formal-notice letter as a PDF. */
export function formalNoticeMail(ctx: DunningContext, letter: FormalNoticeLetter): MailText {
  const { invoice } = ctx;
  const paragraphs = [
    'Madame, Monsieur,',
    `Malgré nos rappels, la facture n° ${invoice.number} du ${formatFrenchDate(invoice.issueDate)}, échue le ${formatFrenchDate(invoice.dueDate)}, reste impayée (${formatEuros(invoice.amountLeftCents)} restant dus).`,
    `Vous trouverez ci-joint notre mise en demeure de payer la somme de ${formatEuros(letter.totalClaimedCents)} au plus tard le ${formatFrenchDate(letter.deadline)}.`,
    howToPay(ctx),
    'Si vous avez réglé cette somme entre-temps, merci de ne pas tenir compte de ce message.',
    signature(ctx),
  ];
  return { subject: `Mise en demeure : facture ${invoice.number} impayée`, text: paragraphs.join('\n\n') + '\n' };
}

/**
 * To the member whose activity issued the invoice: a formal notice is ready and waits for the
 * team. A notice is a legal step in the coop's name; the member knows the client and may have
 * news (a payment on its way, a dispute) the team should hear before it leaves.
 */
export function formalNoticePendingMail(ctx: DunningContext, memberName: string): MailText {
  return {
    subject: `Mise en demeure en attente — facture ${ctx.invoice.number}`,
    text: [
      `Bonjour ${memberName},`,
      '',
      `La facture ${ctx.invoice.number} de ${ctx.client.name}, échue le ${formatFrenchDate(ctx.invoice.dueDate)}, reste impayée pour ${formatEuros(ctx.invoice.amountLeftCents)}.`,
      "Les relances n'ont pas suffi : une mise en demeure de payer est prête. Elle ne part pas d'elle-même, l'équipe de la coopérative doit la confirmer.",
      '',
      "Si vous avez des nouvelles de ce client (un paiement en route, un désaccord, un échéancier), dites-le à l'équipe avant sa confirmation.",
      '',
      'Cordialement,',
      ctx.coop.name,
    ].join('\n'),
  };
}
