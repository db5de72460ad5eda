import { FRANCE_TIME_ZONE } from '../../../platform/calendar/index.js';
import type { PersonRole } from '../contract.js';

/**
 * invitation: a link to choose a first password; access_granted: the person already logs in;
 * choose_password: the account is shared with another cooperative and has no password yet —
 * no cooperative may set it through its own link, so the person asks for a reset link, which
 * only they receive.
 */
export type InvitationMailKind = 'invitation' | 'access_granted' | 'choose_password';

export interface InvitationMailInput {
  /** The inviter's language: they know in which language their cooperative speaks to people. */
  locale: 'fr' | 'en';
  kind: InvitationMailKind;
  coopName: string;
  personName: string;
  inviterName: string;
  role: PersonRole;
  /** The invitation link (with its token), or the login page when the person has an account. */
  link: string;
  /** When the invitation link stops working, and how many days that is; only for invitations. */
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

/**
 * The mail that brings a person into a cooperative: either a one-time link to choose a
 * password, or, for someone who already logs in to Mutualise elsewhere, the news that this
 * cooperative now appears in their account.
 */
export function invitationMail(input: InvitationMailInput): InvitationMail {
  const role = ROLE_WORDS[input.locale][input.role];
  if (input.kind === 'invitation') {
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
            `Pour accepter l'invitation et choisir votre mot de passe, ouvrez ce lien :\n${input.link}\n\n` +
            `Ce lien est personnel et ne sert qu'une fois. Il expire le ${expiry} (${days} jours).\n\n` +
            `Si vous ne vous attendiez pas à cette invitation, ignorez simplement ce message.`,
        }
      : {
          template: 'invitation',
          subject: `Invitation to join ${input.coopName} on Mutualise`,
          text:
            `Hello ${input.personName},\n\n` +
            `${input.inviterName} invites you to join ${input.coopName} on Mutualise as ${role}.\n\n` +
            `To accept the invitation and choose your password, open this link:\n${input.link}\n\n` +
            `This link is personal and works once. It expires on ${expiry} (${days} days).\n\n` +
            `If you did not expect this invitation, simply ignore this message.`,
        };
  }
  if (input.kind === 'choose_password') {
    return input.locale === 'fr'
      ? {
          template: 'choose_password',
          subject: `Vous avez maintenant accès à ${input.coopName} sur Mutualise`,
          text:
            `Bonjour ${input.personName},\n\n` +
            `${input.inviterName} vous a donné accès à ${input.coopName} sur Mutualise en tant que ${role}.\n\n` +
            `Votre compte sert aussi dans une autre coopérative. Pour choisir votre mot de passe, demandez un lien personnel sur cette page :\n${input.link}\n\n` +
            `Une fois connecté·e, choisissez ${input.coopName} dans le sélecteur de coopérative.`,
        }
      : {
          template: 'choose_password',
          subject: `You now have access to ${input.coopName} on Mutualise`,
          text:
            `Hello ${input.personName},\n\n` +
            `${input.inviterName} gave you access to ${input.coopName} on Mutualise as ${role}.\n\n` +
            `Your account also serves another cooperative. To choose your password, ask for a personal link on this page:\n${input.link}\n\n` +
            `Once logged in, pick ${input.coopName} in the cooperative switcher.`,
        };
  }
  return input.locale === 'fr'
    ? {
        template: 'access_granted',
        subject: `Vous avez maintenant accès à ${input.coopName} sur Mutualise`,
        text:
          `Bonjour ${input.personName},\n\n` +
          `${input.inviterName} vous a donné accès à ${input.coopName} sur Mutualise en tant que ${role}.\n\n` +
          `Connectez-vous avec votre adresse e-mail et votre mot de passe habituels :\n${input.link}\n\n` +
          `Une fois connecté·e, choisissez ${input.coopName} dans le sélecteur de coopérative.`,
      }
    : {
        template: 'access_granted',
        subject: `You now have access to ${input.coopName} on Mutualise`,
        text:
          `Hello ${input.personName},\n\n` +
          `${input.inviterName} gave you access to ${input.coopName} on Mutualise as ${role}.\n\n` +
          `Log in with your usual email address and password:\n${input.link}\n\n` +
          `Once logged in, pick ${input.coopName} in the cooperative switcher.`,
      };
}

/** The role an invitation link names when a person holds several: the widest one. */
export function mainRole(roles: readonly PersonRole[]): PersonRole {
  if (roles.includes('admin')) return 'admin';
  if (roles.includes('staff')) return 'staff';
  return 'member';
}
