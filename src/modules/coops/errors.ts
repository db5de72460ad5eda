import { defineErrors } from '../../platform/errors.js';

export const coopErrors = defineErrors({
  COOP_NOT_FOUND: ['not_found', { fr: 'Coopérative introuvable.', en: 'Cooperative not found.' }],
  SIRET_NOT_OF_SIREN: ['invalid', { fr: 'Le SIRET doit commencer par le SIREN.', en: 'The SIRET must start with the SIREN.' }],
  SIREN_TAKEN: ['conflict', { fr: 'Une coopérative porte déjà ce SIREN.', en: 'A cooperative already has this SIREN.' }],
});
