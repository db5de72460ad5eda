import { defineErrors } from '../../platform/errors.js';

export const clientErrors = defineErrors({
  CLIENT_NOT_FOUND: ['not_found', { fr: 'Client introuvable.', en: 'Client not found.' }],
  ADDRESS_NOT_FOUND: ['not_found', { fr: 'Adresse introuvable.', en: 'Address not found.' }],
  CONTACT_NOT_FOUND: ['not_found', { fr: 'Contact introuvable.', en: 'Contact not found.' }],
  CLIENT_SIREN_TAKEN: [
    'conflict',
    {
      fr: 'Un client de la coopérative porte déjà ce SIREN (un·e conseiller·ère peut le rattacher à votre activité).',
      en: 'A client of the cooperative already has this SIREN (an advisor can link it to your activity).',
    },
  ],
});

export const SIREN_TAKEN_FIELD = { path: 'siren', message: { fr: 'Ce SIREN est déjà celui d’un autre client.', en: 'This SIREN already belongs to another client.' } };
