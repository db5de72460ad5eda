import { Alert } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../lib/api';

/**
 * A red alert for a failed request. Give it `children` (a message of your own, e.g. what
 * `applyApiError` returned) or an `error` (shows the API's message, already translated).
 * Renders nothing when both are empty, so it can sit permanently above a form.
 */
export function ErrorAlert({ error, children }: { error?: unknown; children?: ReactNode }) {
  const { t } = useTranslation();
  if (!children && !error) return null;
  const message = children || (isApiError(error) ? error.message : t('common.errors.unexpected'));
  return (
    <Alert role="alert" color="red" variant="light" icon={<IconAlertCircle size={20} aria-hidden />}>
      {message}
    </Alert>
  );
}
