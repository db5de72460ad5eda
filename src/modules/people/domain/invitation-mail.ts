import { FRANCE_TIME_ZONE } from '../../../platform/calendar/index.js';
import type { PersonRole } from '../contract.js';

/**
 * Every invitation is the same mail, whether the address already opens an account (in another
 * cooperative) or not: the inviting cooperative, whose admins read its outbox, must not learn
 * which. The link leads to a page where a newcomer chooses a password and an existing account
 * confirms with its own. (`access_granted` and `choose_password` name mails of an older flow,
 * still shown in outboxes.)
 */
export type InvitationMailKind = 'invitation';

export interface InvitationMailInput {
  /** The inviter's language: they know in which language their cooperative speaks to people. */
  locale: 'fr' | 'en';
  kind: InvitationMailKind;
  coopName: string;
  personName: string;
  inviterName: string;
  role: PersonRole;
  /** The invitation link, with its token. */
  link: string;
  /** When the invitation link stops working, and how many days that is. */
  expiresAt?: Date;
  validDays?: number;
}

export interface InvitationMail {
  template: InvitationMailKind;
  subject: string;
  text: string;
}

const ROLE_WORDS: Record<'fr' | 'en', Record<PersonRole, string>> = {
  fr: { admin: 'administrateur·rice', staff: 'conseiller·ère', accountant: 'comptable', member: 'membre' },
  en: { admin: 'administrator', staff: 'advisor', accountant: 'accountant', member: 'member' },
};

// Dates in a mail are read in France, where the cooperatives are: Paris time, long form.
const formatExpiry = (at: Date, locale: 'fr' | 'en') =>
  new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: FRANCE_TIME_ZONE }).format(at);

/** The mail that invites a person into a cooperative, with a one-time link to accept. */
export function invitationMail(input: InvitationMailInput): InvitationMail {
  const role = ROLE_WORDS[input.locale][input.role];
  if (!input.expiresAt) throw new Error('an invitation mail needs the expiry of its link');
  const expiry = formatExpiry(input.expiresAt, input.locale);
  const days = input.validDays ?? 14;
  return input.locale === 'fr'
    ? {
        template: 'invitation',
        subject: `Invitation à rejoindre ${input.coopName} sur Mutualise`,
        text:
          `Bonjour ${input.personName},\n\n` +
          `${input.inviterName} vous invite à rejoindre ${input.coopName} sur Mutualise en tant que ${role}.\n\n` +
          `Pour accepter l'invitation, ouvrez ce lien : vous y choisirez votre mot de passe, ou, si vous avez déjà un compte Mutualise, vous confirmerez avec le vôtre.\n${input.link}\n\n` +
          `Ce lien est personnel et ne sert qu'une fois. Il expire le ${expiry} (${days} jours).\n\n` +
          `Si vous ne vous attendiez pas à cette invitation, ignorez simplement ce message.`,
      }
    : {
        template: 'invitation',
        subject: `Invitation to join ${input.coopName} on Mutualise`,
        text:
          `Hello ${input.personName},\n\n` +
          `${input.inviterName} invites you to join ${input.coopName} on Mutualise as ${role}.\n\n` +
          `To accept the invitation, open this link: there you choose your password or, if you already have a Mutualise account, confirm with yours.\n${input.link}\n\n` +
          `This link is personal and works once. It expires on ${expiry} (${days} days).\n\n` +
          `If you did not expect this invitation, simply ignore this message.`,
      };
}

/** The role an invitation link names when a person holds several: the widest one. */
export function mainRole(roles: readonly PersonRole[]): PersonRole {
  if (roles.includes('admin')) return 'admin';
  if (roles.includes('staff')) return 'staff';
  return 'member';
}
