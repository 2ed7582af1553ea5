import { Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The calendar of one or several officials (day, week, month, list). */
export function CalendarPage() {
  const { t } = useTranslation();
  return <Title order={1}>{t('modules.agenda.label')}</Title>;
}
