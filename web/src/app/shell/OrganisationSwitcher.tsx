import { Button, type ButtonProps, Menu } from '@mantine/core';
import { IconCheck, IconChevronDown } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../ui/me-context';
import { notify } from '../../ui/notify';
import { problemMessage } from '../../ui/problem-message';
import { useSwitchOrganisation } from './use-shell-actions';

/** For people working in several organisations (the mayor also presides the CCAS). */
export function OrganisationSwitcher(props: ButtonProps) {
  const { t } = useTranslation();
  const me = useMe();
  const switchTo = useSwitchOrganisation();

  const choose = async (orgId: string) => {
    if (orgId === me.organisation.id) return;
    try {
      await switchTo(orgId);
    } catch (error) {
      notify('red', problemMessage(error, t), t('shell.switchFailed'));
    }
  };

  return (
    <Menu position="bottom-start" withinPortal>
      <Menu.Target>
        <Button
          variant="default"
          size="compact-sm"
          rightSection={<IconChevronDown size={14} aria-hidden />}
          title={t('shell.switchOrganisation')}
          maw={320}
          {...props}
        >
          {me.organisation.name}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {me.memberships.map((m) => (
          <Menu.Item
            key={m.organisation.id}
            onClick={() => void choose(m.organisation.id)}
            rightSection={m.organisation.id === me.organisation.id ? <IconCheck size={14} aria-hidden /> : null}
            aria-current={m.organisation.id === me.organisation.id ? 'true' : undefined}
          >
            {m.organisation.name}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
