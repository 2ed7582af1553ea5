import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../ui/me-context';
import { Panel } from '../../ui/Panel';

/** What the role sees and does, as DOMAIN.md defines it, in the user's words. */
export function RolePanel() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <Panel title={t('home.role.title')}>
      <Text size="sm">{t(`home.role.${me.role}`)}</Text>
    </Panel>
  );
}
