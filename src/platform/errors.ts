/**
 * One error type for the whole application. A module declares its codes in its own
 * `errors.ts`; the HTTP edge turns an AppError into the API's single error shape.
 */
export type ErrorKind = 'invalid' | 'unauthenticated' | 'forbidden' | 'not_found' | 'conflict' | 'unprocessable' | 'rate_limited';

export const statusOfKind: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unprocessable: 422,
  rate_limited: 429,
};

export interface LocalizedText {
  fr: string;
  en: string;
}

export interface FieldError {
  path: string;
  /** Plain text, or both languages when the message is shown to people. */
  message: string | LocalizedText;
}

export class AppError extends Error {
  readonly code: string;
  readonly kind: ErrorKind;
  readonly text: LocalizedText;
  readonly fields: FieldError[];

  constructor(code: string, kind: ErrorKind, text: LocalizedText, fields: FieldError[] = []) {
    super(`${code}: ${text.en}`);
    this.name = 'AppError';
    this.code = code;
    this.kind = kind;
    this.text = text;
    this.fields = fields;
  }

  get status(): number {
    return statusOfKind[this.kind];
  }
}

/** Declares a family of error factories: `const errors = defineErrors({ X: ['not_found', {fr, en}] })`. */
export function defineErrors<K extends string>(
  table: Record<K, [ErrorKind, LocalizedText]>,
): Record<K, (fields?: FieldError[]) => AppError> {
  const out = {} as Record<K, (fields?: FieldError[]) => AppError>;
  for (const code of Object.keys(table) as K[]) {
    const [kind, text] = table[code];
    out[code] = (fields?: FieldError[]) => new AppError(code, kind, text, fields);
  }
  return out;
}

/** A 400 for one field, when a rule beyond the schema rejects an input. */
export function invalidField(path: string, text: LocalizedText): AppError {
  return new AppError('VALIDATION_FAILED', 'invalid', text, [{ path, message: text }]);
}

export const platformErrors = defineErrors({
  NOT_FOUND: ['not_found', { fr: 'Introuvable.', en: 'Not found.' }],
  UNAUTHENTICATED: ['unauthenticated', { fr: 'Veuillez vous connecter.', en: 'Please log in.' }],
  FORBIDDEN: ['forbidden', { fr: "Vous n'avez pas accès à cette action.", en: 'You are not allowed to do this.' }],
  CSRF_FAILED: ['forbidden', { fr: 'Jeton anti-CSRF absent ou invalide.', en: 'Missing or invalid CSRF token.' }],
  NO_COOP: ['forbidden', { fr: 'Aucune coopérative sélectionnée.', en: 'No cooperative selected.' }],
  CONFLICT: ['conflict', { fr: 'Cette valeur existe déjà.', en: 'This value already exists.' }],
  VALIDATION_FAILED: ['invalid', { fr: 'Certaines valeurs sont invalides.', en: 'Some values are invalid.' }],
});
