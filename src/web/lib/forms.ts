import type { FormErrors } from '@mantine/form';
import { i18n } from '../i18n';
import { type ApiFieldError, isApiError } from './api';

/**
 * Turns an API field path into a @mantine/form path: `body.address.city` → `address.city`,
 * `lines[0].amount` or `/body/lines/0/amount` → `lines.0.amount`.
 */
export function toFormPath(apiPath: string): string {
  let path = apiPath.startsWith('/') ? apiPath.slice(1).replaceAll('/', '.') : apiPath;
  path = path.replace(/\[(\d+)\]/g, '.$1');
  if (path.startsWith('body.')) path = path.slice('body.'.length);
  return path;
}

function hasPath(values: unknown, path: string): boolean {
  let node: unknown = values;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object' || !(key in node)) return false;
    node = (node as Record<string, unknown>)[key];
  }
  return true;
}

interface FormLike {
  setErrors: (errors: FormErrors | ((current: FormErrors) => FormErrors)) => void;
  getValues: () => object;
}

/**
 * Shows the `fields` of an ApiError under the matching inputs of a @mantine/form form.
 * `rename` maps an API path (after `body.` is stripped) to a form path when they differ.
 * Returns the field errors that match no input of the form, so the page can show them
 * elsewhere (an empty list when the error is not an ApiError or all were placed).
 */
export function setApiFieldErrors(
  form: FormLike,
  error: unknown,
  rename: Record<string, string> = {},
): ApiFieldError[] {
  if (!isApiError(error) || error.fields.length === 0) return [];
  const values = form.getValues();
  const placed: FormErrors = {};
  const unplaced: ApiFieldError[] = [];
  for (const field of error.fields) {
    const path = toFormPath(field.path);
    const target = rename[path] ?? path;
    if (hasPath(values, target)) {
      // Keep the first message when the server lists several for one field.
      placed[target] ??= field.message;
    } else {
      unplaced.push(field);
    }
  }
  form.setErrors((current) => ({ ...current, ...placed }));
  return unplaced;
}

/**
 * The usual handling of a failed form submission: field errors go under their inputs and
 * the return value is what remains to show above the form (pass it to <ErrorAlert>):
 * null when every problem sits under a field, otherwise the API's message followed by any
 * field message that matches no input.
 */
export function applyApiError(form: FormLike, error: unknown, rename: Record<string, string> = {}): string | null {
  if (!isApiError(error)) return i18n.t('common.errors.unexpected');
  const unplaced = setApiFieldErrors(form, error, rename);
  if (error.fields.length > 0 && unplaced.length === 0) return null;
  return [error.message, ...unplaced.map((field) => field.message)].join(' ');
}
