import { Group, Input, TextInput } from '@mantine/core';
import { useEffect, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { parseTypedTime } from '../lib/typed-time';
import { DateField } from './DateField';

interface DateTimeFieldProps {
  label: ReactNode;
  description?: ReactNode;
  /** "YYYY-MM-DDTHH:mm" (wall-clock time), '' when none. */
  value?: string;
  onChange: (value: string) => void;
  error?: ReactNode;
  required?: boolean;
  /** The day input gets `<id>-day`, the time input `<id>-time`. */
  'data-testid'?: string;
}

const joined = (day: string, time: string) => (day || time ? `${day}T${time}` : '');

/**
 * A day and a time of day, in the app's language and always on 24 hours. A native
 * datetime-local input follows the browser's locale instead ("12/10/2026, 12:30 PM" in a
 * browser set to American English, whatever the app's language). The value keeps the form
 * "YYYY-MM-DDTHH:mm"; an unfinished one ("2026-12-10T") reaches the server, which names the
 * field, rather than being silently dropped. One label, description and error for both boxes.
 */
export function DateTimeField({ label, description, value = '', onChange, error, required, 'data-testid': testId }: DateTimeFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const day = /^\d{4}-\d{2}-\d{2}/.exec(value)?.[0] ?? '';
  const time = /T(\d{2}:\d{2})$/.exec(value)?.[1] ?? '';
  // What is typed in the time box, kept while it is not yet a time ("9:3"); follows the value
  // when the form sets it (an edit form prefilled, a reset).
  const [typed, setTyped] = useState(time);
  useEffect(() => {
    setTyped((current) => (parseTypedTime(current) === time ? current : time));
  }, [time]);
  const describedBy = [description && `${id}-description`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <Input.Wrapper id={id} label={label} description={description} error={error} required={required} size="md">
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <DateField
          id={id}
          style={{ flex: 1, minWidth: 0 }}
          value={day}
          onChange={(d) => onChange(joined(d, time))}
          error={Boolean(error)}
          aria-describedby={describedBy}
          data-testid={testId && `${testId}-day`}
        />
        <TextInput
          aria-label={t('common.timeOfDay')}
          aria-describedby={describedBy}
          placeholder={t('common.timePlaceholder')}
          inputMode="numeric"
          autoComplete="off"
          value={typed}
          onChange={(e) => {
            const text = e.currentTarget.value;
            setTyped(text);
            onChange(joined(day, parseTypedTime(text) ?? ''));
          }}
          onBlur={() => setTyped((current) => parseTypedTime(current) ?? current)}
          error={Boolean(error)}
          w={96}
          data-testid={testId && `${testId}-time`}
        />
      </Group>
    </Input.Wrapper>
  );
}
