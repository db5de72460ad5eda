import { defineErrors } from '../errors.js';

/**
 * A stored file that cannot be served as recorded. A 409 with words a person can act on
 * rather than a 500: the record is fine, its bytes are not, and an administrator restores
 * them from a backup (or the application renders them again when it can).
 */
export const fileErrors = defineErrors({
  STORED_FILE_MISSING: [
    'conflict',
    {
      fr: 'Le fichier de ce document n’est plus conservé : restaurez le dossier des fichiers depuis une sauvegarde.',
      en: 'The file of this document is no longer stored: restore the files folder from a backup.',
    },
  ],
  STORED_FILE_ALTERED: [
    'conflict',
    {
      fr: 'Le fichier conservé de ce document ne correspond plus à son empreinte SHA-256 : il a été modifié ou abîmé. Restaurez-le depuis une sauvegarde.',
      en: 'The stored file of this document no longer matches its SHA-256: it was changed or damaged. Restore it from a backup.',
    },
  ],
});

/** The clean error for a read that failed its check. */
export const unreadableFile = (problem: 'missing' | 'altered') => (problem === 'missing' ? fileErrors.STORED_FILE_MISSING() : fileErrors.STORED_FILE_ALTERED());
