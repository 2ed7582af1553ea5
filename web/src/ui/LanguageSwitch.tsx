import { Button, type ButtonProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSwitchLanguage } from './language';

/** Offers the other language, written in that language (as users look for their own). */
export function LanguageSwitch(props: ButtonProps) {
  const { i18n } = useTranslation();
  const switchLanguage = useSwitchLanguage();
  const target = i18n.language === 'en' ? 'fr' : 'en';
  return (
    <Button variant="subtle" size="compact-sm" lang={target} onClick={() => void switchLanguage(target)} {...props}>
      {target === 'en' ? 'English' : 'Français'}
    </Button>
  );
}
