import { Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The notes pages below /notes (module-registry.ts). */
export default function NotesPage() {
  const { t } = useTranslation();
  return <Title order={1}>{t('modules.notes.label')}</Title>;
}
