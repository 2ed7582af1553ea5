import { Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The tasks pages below /tasks (module-registry.ts). */
export default function TasksPage() {
  const { t } = useTranslation();
  return <Title order={1}>{t('modules.tasks.label')}</Title>;
}
