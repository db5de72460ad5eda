import { describe, expect, it } from 'vitest';
import { digestMail, isDigestDue, notificationMail, notificationTitle, type NotificationForText } from './notification-texts.js';

const submitted: NotificationForText = { id: 'n1', action: 'invoice.submitted', entityType: 'invoice', entityId: 'i1', label: 'Boulangerie du Parc', amountCents: null, actorName: 'Camille Martin' };
const paid: NotificationForText = { id: 'n2', action: 'invoice.payment_applied', entityType: 'invoice', entityId: 'i2', label: 'F-2026-0042', amountCents: 123_456, actorName: null };
const ctx = { coopName: 'Coopérative Démo', publicUrl: 'https://app.example.org' };

describe('notification texts', () => {
  it('says what happened, to which document, by whom, in French and in English', () => {
    expect(notificationTitle(submitted, 'fr')).toBe('Facture Boulangerie du Parc à valider — par Camille Martin');
    expect(notificationTitle(submitted, 'en')).toBe('Invoice Boulangerie du Parc to validate — by Camille Martin');
  });

  it('writes the amount in the reader\'s format', () => {
    expect(notificationTitle(paid, 'fr')).toBe('Paiement reçu sur la facture F-2026-0042 (1 234,56 €)');
    expect(notificationTitle(paid, 'en')).toBe('Payment received on invoice F-2026-0042 (€1,234.56)');
  });

  it('names an action it has no words for rather than say nothing', () => {
    expect(notificationTitle({ ...paid, action: 'something.new', amountCents: null }, 'fr')).toBe('something.new F-2026-0042');
  });

  it('a mail per notification links to it in the app', () => {
    const mail = notificationMail(submitted, { ...ctx, locale: 'fr' });
    expect(mail.subject).toBe('[Coopérative Démo] Facture Boulangerie du Parc à valider — par Camille Martin');
    expect(mail.text).toContain('https://app.example.org/notifications/n1');
  });

  it('the digest lists every notification with its link, dated in the reader\'s way', () => {
    const fr = digestMail([submitted, paid], { ...ctx, locale: 'fr', day: '2026-12-02' });
    expect(fr.subject).toBe('[Coopérative Démo] 2 nouvelles notifications — 02/12/2026');
    expect(fr.text).toContain('- Facture Boulangerie du Parc à valider — par Camille Martin\n  https://app.example.org/notifications/n1');
    expect(fr.text).toContain('https://app.example.org/notifications/n2');
    const en = digestMail([paid], { ...ctx, locale: 'en', day: '2026-12-02' });
    expect(en.subject).toBe('[Coopérative Démo] 1 new notification — 2026-12-02');
    expect(en.text).toContain('Payment received on invoice F-2026-0042 (€1,234.56)');
  });

  it('the digest leaves in the morning, not at midnight', () => {
    expect(isDigestDue(6)).toBe(false);
    expect(isDigestDue(7)).toBe(true);
    expect(isDigestDue(23)).toBe(true);
  });
});
