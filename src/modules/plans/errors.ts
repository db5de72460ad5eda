import { defineErrors } from '../../platform/errors.js';

export const plansErrors = defineErrors({
  PLAN_NOT_FOUND: ['not_found', { fr: 'Formule introuvable.', en: 'Plan not found.' }],
  PLAN_NAME_TAKEN: ['conflict', { fr: 'Une formule porte déjà ce nom.', en: 'A plan already has this name.' }],
  PLAN_INACTIVE: ['conflict', { fr: "Cette formule n'est plus proposée.", en: 'This plan is no longer offered.' }],
  SUBSCRIPTION_NOT_FOUND: ['not_found', { fr: 'Abonnement introuvable.', en: 'Subscription not found.' }],
  SUBSCRIPTION_ALREADY_OPEN: ['conflict', { fr: 'Ce membre a déjà un abonnement en cours : mettez-y fin avant.', en: 'This member already has a running subscription: end it first.' }],
  SUBSCRIPTION_ENDED: ['conflict', { fr: 'Cet abonnement est terminé ou sa fin est déjà demandée.', en: 'This subscription has ended or its end is already requested.' }],
  SUBSCRIPTION_PAUSED: ['conflict', { fr: 'Cet abonnement est déjà en pause.', en: 'This subscription is already paused.' }],
  SUBSCRIPTION_NOT_PAUSED: ['conflict', { fr: "Cet abonnement n'est pas en pause.", en: 'This subscription is not paused.' }],
  ACTIVITY_NOT_OF_MEMBER: ['unprocessable', { fr: "Cette activité n'est pas celle du membre.", en: 'This activity is not one of the member’s.' }],
  NOT_A_MEMBER: ['forbidden', { fr: "Votre compte n'est rattaché à aucun membre de la coopérative.", en: 'Your account is linked to no member of the cooperative.' }],
});
