import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage, useLanguage } from '../i18n';

/**
 * FR / EN toggle: two plain buttons ("FR", "EN"; the current one is pressed), so a click
 * by name works for people and tests alike.
 */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const current = useLanguage();
  return (
    <Button.Group aria-label={t('common.language')} data-testid="language-switch">
      {LANGUAGES.map((code) => {
        const active = code === current;
        return (
          <Button
            key={code}
            size="compact-xs"
            variant={active ? 'filled' : 'default'}
            aria-pressed={active}
            lang={code}
            title={t(`common.languages.${code}`)}
            onClick={() => void setLanguage(code)}
            data-testid={`language-${code}`}
          >
            {code.toUpperCase()}
          </Button>
        );
      })}
    </Button.Group>
  );
}
