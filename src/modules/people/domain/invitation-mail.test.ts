import { describe, expect, it } from 'vitest';
import { invitationMail, mainRole } from './invitation-mail.js';

const base = {
  coopName: 'Coopérative Démo',
  personName: 'Léa Martin',
  inviterName: 'Claire Administratrice',
  role: 'member' as const,
  link: 'https://mutualise.example/invitation?token=abc',
  expiresAt: new Date('2026-03-15T09:30:00Z'),
  validDays: 14,
};

describe('invitationMail', () => {
  it('invites in French with the link and its expiry in Paris time', () => {
    const mail = invitationMail({ ...base, locale: 'fr', kind: 'invitation' });
    expect(mail.template).toBe('invitation');
    expect(mail.subject).toBe('Invitation à rejoindre Coopérative Démo sur Mutualise');
    expect(mail.text).toContain('https://mutualise.example/invitation?token=abc');
    expect(mail.text).toContain('15 mars 2026');
    expect(mail.text).toContain('10:30');
    expect(mail.text).toContain('en tant que membre');
    expect(mail.text).toContain('14 jours');
  });

  it('invites in English when the inviter works in English', () => {
    const mail = invitationMail({ ...base, locale: 'en', kind: 'invitation', role: 'staff' });
    expect(mail.subject).toBe('Invitation to join Coopérative Démo on Mutualise');
    expect(mail.text).toContain('as advisor');
    expect(mail.text).toContain('15 March 2026');
  });

  it('reads the same for a newcomer and for a person who already has an account: it offers both ways to accept', () => {
    const mail = invitationMail({ ...base, locale: 'fr', kind: 'invitation' });
    expect(mail.text).toContain('vous y choisirez votre mot de passe, ou, si vous avez déjà un compte Mutualise, vous confirmerez avec le vôtre');
    expect(invitationMail({ ...base, locale: 'en', kind: 'invitation' }).text).toContain('if you already have a Mutualise account, confirm with yours');
  });

  it('refuses an invitation mail without the expiry of its link', () => {
    expect(() => invitationMail({ ...base, locale: 'fr', kind: 'invitation', expiresAt: undefined })).toThrow();
  });
});

describe('mainRole', () => {
  it('names the widest role a person holds', () => {
    expect(mainRole(['member', 'admin'])).toBe('admin');
    expect(mainRole(['member', 'staff'])).toBe('staff');
    expect(mainRole(['member'])).toBe('member');
  });
});
