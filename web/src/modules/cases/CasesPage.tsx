import { Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The cases pages below /cases (module-registry.ts). */
export default function CasesPage() {
  const { t } = useTranslation();
  return <Title order={1}>{t('modules.cases.label')}</Title>;
}
