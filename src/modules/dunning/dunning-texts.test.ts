import { describe, expect, it } from 'vitest';
import { formalNoticeLetter, formalNoticeMail, reminderMail, type DunningContext } from './dunning-texts.js';

const ctx = (more: Partial<DunningContext> = {}): DunningContext => ({
  coop: { name: 'Coop Oxalis', addressLines: ['1 rue de la Coopération', '69001 Lyon'], siren: '123456789', email: 'compta@oxalis.coop', phone: null, iban: 'FR7630006000011234567890189', bic: 'AGRIFRPP', latePenaltyRateBp: 1215 },
  activityName: 'Atelier Mia',
  client: { name: 'Menuiserie Lenoir', kind: 'company', addressLines: ['8 rue des Tanneurs', '67000 Strasbourg'] },
  invoice: { number: 'F2026-00042', issueDate: '2026-06-20', dueDate: '2026-07-20', amountLeftCents: 121_899 },
  today: '2026-09-03',
  ...more,
});

describe('dunning texts', () => {
  it('a first reminder is courteous and says what is left, since when, and how to pay', () => {
    const mail = reminderMail(ctx(), 0);
    expect(mail.subject).toBe('Rappel : facture F2026-00042 arrivée à échéance');
    expect(mail.text).toContain('il reste 1\u202f218,99\u00a0€ à payer');
    expect(mail.text).toContain('le 20/07/2026');
    expect(mail.text).toContain('IBAN : FR76 3000 6000 0112 3456 7890 189');
    expect(mail.text).toContain('Référence à indiquer : F2026-00042');
    expect(mail.text).toContain('compta@oxalis.coop');
    expect(mail.text).toContain('Atelier Mia (Coop Oxalis)');
  });

  it('a later reminder announces the formal notice', () => {
    const mail = reminderMail(ctx(), 1);
    expect(mail.subject).toBe('Deuxième rappel : facture F2026-00042 impayée');
    expect(mail.text).toContain('mise en demeure');
  });

  it('the formal notice to a company claims penalties at the coop rate and the 40 € indemnity, with 8 days to pay', () => {
    const letter = formalNoticeLetter(ctx());
    expect(letter).toMatchObject({ deadline: '2026-09-11', penaltyCents: 1826, indemnityCents: 4000, totalClaimedCents: 127_725 });
    expect(letter.claims.map(([, amount]) => amount)).toEqual(['1\u202f218,99\u00a0€', '18,26\u00a0€', '40,00\u00a0€']);
    const text = letter.paragraphs.join('\n');
    expect(text).toContain('article L441-10 du Code de commerce');
    expect(text).toContain('article D441-5');
    expect(text).toContain('12,15\u00a0%');
    expect(text).toContain('dans un délai de 8 jours, soit au plus tard le 11/09/2026');
    expect(formalNoticeMail(ctx(), letter).text).toContain('1\u202f277,25\u00a0€ au plus tard le 11/09/2026');
  });

  it('the formal notice to an individual claims neither penalties nor the indemnity, only the legal interest from the notice', () => {
    const letter = formalNoticeLetter(ctx({ client: { name: 'Jean Martin', kind: 'individual', addressLines: [] } }));
    expect(letter).toMatchObject({ penaltyCents: 0, indemnityCents: 0, totalClaimedCents: 121_899 });
    expect(letter.claims).toHaveLength(1);
    expect(letter.paragraphs.join('\n')).toContain('article 1231-6 du Code civil');
  });
});
