import { useFormat } from '../../lib/format';

/** Euros typed in a field → integer cents (the field holds at most 2 decimals). */
export const centsOfEuros = (euros: number | string): number => {
  const n = typeof euros === 'number' ? euros : Number(String(euros).replace(',', '.'));
  return Number.isFinite(n) && n >= 0 ? Math.round(n * 100) : 0;
};

/** Formatters of the salary pages: money, a rate in basis points as a percentage, a 'YYYY-MM' month by name. */
export function useSalaryFormat() {
  const f = useFormat();
  const locale = f.lang === 'en' ? 'en-GB' : 'fr-FR';
  return {
    ...f,
    rate: (bp: number) => `${new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(bp / 100)} %`,
    month: (month: string) => f.date(`${month}-01`, { month: 'long', year: 'numeric' }),
  };
}
