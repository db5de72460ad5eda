import { CHECK_VIOLATION, sqlConstraint, sqlState } from '../../platform/db/client.js';
import { invalidField } from '../../platform/errors.js';
import { HOLDERS_FIELD } from './errors.js';

const SHARE_CONSTRAINTS = new Set(['activity_members_shares_sum', 'activity_members_share_check']);

/**
 * The database refuses shares that do not add up to 100 % at commit (a deferred trigger).
 * The domain checks first, so this only answers a race; it is still bad input, a 400.
 */
export function asShareViolation(err: unknown): unknown {
  if (sqlState(err) === CHECK_VIOLATION && SHARE_CONSTRAINTS.has(sqlConstraint(err) ?? '')) {
    return invalidField(HOLDERS_FIELD, { fr: 'Les parts doivent totaliser 100 %.', en: 'The shares must add up to 100 %.' });
  }
  return err;
}
