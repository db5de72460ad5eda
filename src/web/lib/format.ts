import { useMemo } from 'react';
import { type Language, useLanguage } from '../i18n';

const LOCALES: Record<Language, string> = { fr: 'fr-FR', en: 'en-GB' };

function localeOf(lang: string): string {
  return LOCALES[lang as Language] ?? LOCALES.fr;
}

/**
 * Formats an amount held in integer cents, as every amount of the API is:
 * `formatMoney(123456, 'fr')` → "1 234,56 €" (fr-FR separators), "€1,234.56" in English.
 */
export function formatMoney(cents: number, lang: string, currency = 'EUR'): string {
  // A zero computed as a difference may be -0: never show "-0,00 €".
  return new Intl.NumberFormat(localeOf(lang), { style: 'currency', currency }).format(cents === 0 ? 0 : cents / 100);
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses an API date: a calendar date "2026-03-31" is read as that local day, not UTC midnight. */
export function parseApiDate(iso: string): Date {
  const m = DATE_ONLY.exec(iso);
  if (m) return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(iso);
}

/**
 * Formats a date ("2026-03-31" or a full ISO timestamp): "31/03/2026" in French,
 * "31/03/2026" in British English. Pass `options` for another style.
 */
export function formatDate(
  iso: string,
  lang: string,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'short' },
): string {
  const date = parseApiDate(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(localeOf(lang), options).format(date);
}

/** Formats a timestamp with its time: "31/03/2026 14:05". */
export function formatDateTime(iso: string, lang: string): string {
  return formatDate(iso, lang, { dateStyle: 'short', timeStyle: 'short' });
}

/** The formatters bound to the current UI language. */
export function useFormat() {
  const lang = useLanguage();
  return useMemo(
    () => ({
      lang,
      money: (cents: number, currency?: string) => formatMoney(cents, lang, currency),
      date: (iso: string, options?: Intl.DateTimeFormatOptions) => formatDate(iso, lang, options),
      dateTime: (iso: string) => formatDateTime(iso, lang),
    }),
    [lang],
  );
}
