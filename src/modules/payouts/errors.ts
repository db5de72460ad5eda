import { defineErrors } from '../../platform/errors.js';

export const payoutErrors = defineErrors({
  PAYOUT_BATCH_NOT_FOUND: ['not_found', { fr: 'Lot de virements introuvable.', en: 'Transfer batch not found.' }],
  PAYOUT_NOT_PAYABLE: [
    'conflict',
    { fr: 'Un des paiements choisis n’est plus à payer (déjà payé, déjà dans un autre lot, ou changé) : rechargez la liste.', en: 'One of the chosen payments is no longer to be paid (paid, in another batch, or changed): reload the list.' },
  ],
  PAYOUT_SOURCE_UNAVAILABLE: ['conflict', { fr: 'Ce type de paiement n’est pas branché sur les virements.', en: 'This kind of payment is not connected to the transfers.' }],
  PAYOUT_BATCH_AWAITS_APPROVAL: [
    'conflict',
    { fr: 'Ce lot doit d’abord être approuvé par une seconde personne (réglage de la coopérative) : il ne peut pas encore être téléchargé.', en: 'This batch must first be approved by a second person (a setting of the cooperative): it cannot be downloaded yet.' },
  ],
  PAYOUT_APPROVAL_NOT_NEEDED: ['conflict', { fr: 'Ce lot n’attend pas d’approbation.', en: 'This batch awaits no approval.' }],
  PAYOUT_SELF_APPROVAL: ['forbidden', { fr: 'La personne qui a préparé le lot ne peut pas l’approuver : une seconde personne le fait.', en: 'The person who built the batch cannot approve it: a second person does.' }],
  PAYOUT_BATCH_CANCELLED: ['conflict', { fr: 'Ce lot est annulé.', en: 'This batch is cancelled.' }],
  PAYOUT_BATCH_HAS_PAID: ['conflict', { fr: 'La banque a déjà exécuté des virements de ce lot : il ne peut plus être annulé.', en: 'The bank already executed transfers of this batch: it can no longer be cancelled.' }],
  PAYOUT_FILE_MISSING: ['not_found', { fr: 'Le fichier de ce lot n’est plus conservé : restaurez le dossier des fichiers.', en: 'The file of this batch is no longer stored: restore the files folder.' }],
  PAYOUT_FILE_ALTERED: ['conflict', { fr: 'Le fichier conservé de ce lot ne correspond plus à son empreinte : il a été modifié.', en: 'The stored file of this batch no longer matches its hash: it was changed.' }],
});
