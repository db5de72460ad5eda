import { DateInput, type DateInputProps } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { parseTypedDay } from '../lib/typed-day';

type DateFieldProps = Omit<DateInputProps, 'value' | 'onChange' | 'minDate' | 'maxDate' | 'min' | 'max'> & {
  /** The day as `YYYY-MM-DD`, '' when none. */
  value?: string | null;
  onChange?: (value: string) => void;
  min?: string;
  max?: string;
};

/**
 * A day, shown and picked in the app's language (month and weekday names from the dayjs
 * locale the DatesProvider follows), never in the browser's as a native date input is. The
 * value stays `YYYY-MM-DD`, as the API takes it, and '' when cleared.
 */
export function DateField({ value, onChange, min, max, ...props }: DateFieldProps) {
  const { i18n } = useTranslation();
  return (
    <DateInput
      valueFormat="DD/MM/YYYY"
      placeholder={i18n.resolvedLanguage === 'en' ? 'dd/mm/yyyy' : 'jj/mm/aaaa'}
      dateParser={parseTypedDay}
      value={value || null}
      onChange={(day) => onChange?.(day ?? '')}
      minDate={min || undefined}
      maxDate={max || undefined}
      {...props}
    />
  );
}
