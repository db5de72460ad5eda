import type { AppError } from '../../platform/errors.js';
import type { Actor } from '../../platform/http/context.js';
import type { DraftReviewRefusal } from './domain/draft-review.js';
import { invoiceErrors } from './errors.js';

export function draftReviewError(reason: DraftReviewRefusal): AppError {
  switch (reason) {
    case 'invoice_issued':
      return invoiceErrors.INVOICE_ISSUED();
    case 'not_submitted':
      return invoiceErrors.INVOICE_NOT_SUBMITTED();
    case 'already_submitted':
      return invoiceErrors.INVOICE_ALREADY_SUBMITTED();
    case 'forbidden_role':
      return invoiceErrors.SEND_BACK_RESERVED_TO_STAFF();
  }
}

export const isTeam = (actor: Pick<Actor, 'roles'>) => actor.roles.includes('admin') || actor.roles.includes('staff');

