import { CHECK_VIOLATION, sqlConstraint, sqlState, UNIQUE_VIOLATION } from '../../platform/db/client.js';
import { platformErrors } from '../../platform/errors.js';
import { checkClientIdentity, type ClientIdentity } from './domain/client-identity.js';
import { clientErrors, SIREN_TAKEN_FIELD } from './errors.js';

/** The completed identity of a client, or the 400 listing each field that breaks a rule. */
export function identityOrThrow(input: ClientIdentity): ClientIdentity {
  const check = checkClientIdentity(input);
  if (!check.ok) throw platformErrors.VALIDATION_FAILED(check.fields);
  return check.identity;
}

/** A second client with the same SIREN, or an individual with one that slipped past the rules. */
export function asIdentityViolation(err: unknown): unknown {
  if (sqlState(err) === UNIQUE_VIOLATION && sqlConstraint(err) === 'clients_coop_siren_key') return clientErrors.CLIENT_SIREN_TAKEN([SIREN_TAKEN_FIELD]);
  if (sqlState(err) === CHECK_VIOLATION && sqlConstraint(err) === 'clients_company_ids_check') {
    return platformErrors.VALIDATION_FAILED([{ path: 'siren', message: { fr: "Un particulier n'a pas de SIREN.", en: 'An individual has no SIREN.' } }]);
  }
  return err;
}
