import { Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The agenda pages below /agenda (module-registry.ts). */
export default function AgendaPage() {
  const { t } = useTranslation();
  return <Title order={1}>{t('modules.agenda.label')}</Title>;
}
