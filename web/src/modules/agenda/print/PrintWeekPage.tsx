import { Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A week of one official, laid out for paper. */
export function PrintWeekPage() {
  const { t } = useTranslation();
  return <Title order={1}>{t('modules.agenda.label')}</Title>;
}
