import { useTranslation } from 'react-i18next';
import { unitLabel } from './line-form';

/** The unit of a line after its quantity, pluralised in the UI language ("3 jours", "3 days"). */
export function useUnitLabel(): (unit: string, quantityMilli?: number) => string {
  const { t } = useTranslation();
  return (unit, quantityMilli) => unitLabel(t, unit, quantityMilli);
}
