import type { AppError } from '../../platform/errors.js';
import type { Actor } from '../../platform/http/context.js';
import type { QuoteActorRole, QuoteRefusal } from './domain/quote-lifecycle.js';
import { quoteErrors } from './errors.js';

/** The role a person acts in on a quote: the team's if they hold it, else member. */
export const roleOf = (actor: Pick<Actor, 'roles'>): QuoteActorRole =>
  actor.roles.includes('admin') ? 'admin' : actor.roles.includes('staff') ? 'staff' : 'member';

export function refusalError(reason: QuoteRefusal): AppError {
  switch (reason) {
    case 'not_allowed_in_state':
      return quoteErrors.QUOTE_NOT_ALLOWED_IN_STATE();
    case 'forbidden_role':
      return quoteErrors.QUOTE_ACTION_FORBIDDEN();
    case 'quote_expired':
      return quoteErrors.QUOTE_EXPIRED();
    case 'validation_not_required':
      return quoteErrors.QUOTE_VALIDATION_NOT_REQUIRED();
    case 'submission_required':
      return quoteErrors.QUOTE_SUBMISSION_REQUIRED();
  }
}
