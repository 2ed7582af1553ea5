import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Panel } from '../../ui/Panel';

/** Shown while the account has no second factor: cabinet data deserves one. */
export function SecurityPanel() {
  const { t } = useTranslation();
  return (
    <Panel title={t('home.security.title')}>
      <Text size="sm">{t('home.security.body')}</Text>
      <Anchor component={Link} to="/account/security" size="sm" mt="sm" display="inline-block">
        {t('home.security.link')}
      </Anchor>
    </Panel>
  );
}
