import { Anchor, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { availableModules } from '../../app/shell/module-registry';
import { useMe } from '../../ui/me-context';
import { Panel } from '../../ui/Panel';

/** Shortcuts to the modules the role may open (home excepted: we are on it). */
export function ModuleLinksPanel() {
  const { t } = useTranslation();
  const me = useMe();
  const modules = availableModules(me.modules).filter((m) => m.key !== 'home');
  return (
    <Panel title={t('home.links.title')}>
      {modules.length === 0 ? (
        <Text size="sm">{t('home.links.none')}</Text>
      ) : (
        <List spacing="xs" listStyleType="none">
          {modules.map((m) => (
            <List.Item key={m.key}>
              <Anchor component={Link} to={m.path} fw={500}>
                {t(`modules.${m.key}.label`)}
              </Anchor>
              <Text size="sm" c="dimmed">
                {t(`modules.${m.key}.description`)}
              </Text>
            </List.Item>
          ))}
        </List>
      )}
      <Text size="sm" mt="sm">
        {t('home.links.palette')}
      </Text>
    </Panel>
  );
}
