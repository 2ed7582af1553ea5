import type { TQueueCounts } from '@dircab/contracts';
import { Badge, NavLink, Stack } from '@mantine/core';
import { IconChartBar, IconFileSpreadsheet, IconSettings } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../ui/me-context';
import { FIGURES_PATH } from './figures/figures-api';
import { INBOX_QUEUES, type InboxQueue } from './inbox-filters';
import { REGISTER_PATH } from './register/register-api';
import { SETTINGS_PATH } from './settings/settings-api';
import { canExportRegister, canReadFigures, sectionsFor } from './settings/settings-roles';

interface Props {
  current: InboxQueue;
  counts: TQueueCounts | undefined;
  onSelect: (queue: InboxQueue) => void;
}

/** The inbox's queues, with how many items wait in each (the server's counts, when it has them). */
export function QueueNav({ current, counts, onSelect }: Props) {
  return (
    <Stack gap="lg">
      <Queues current={current} counts={counts} onSelect={onSelect} />
      <ManagementLinks />
    </Stack>
  );
}

function Queues({ current, counts, onSelect }: Props) {
  const { t } = useTranslation();
  return (
    <Stack component="nav" aria-label={t('correspondence.queues.label')} gap={2}>
      {INBOX_QUEUES.map((queue) => {
        const count = counts && queue in counts ? counts[queue as keyof TQueueCounts] : undefined;
        return (
          <NavLink
            key={queue}
            component="button"
            type="button"
            label={t(`correspondence.queues.${queue}`)}
            active={queue === current}
            aria-current={queue === current ? 'page' : undefined}
            onClick={() => onSelect(queue)}
            rightSection={
              count !== undefined && count > 0 ? (
                <Badge size="sm" variant="filled" color={queue === 'overdue' ? 'red.9' : 'gray.8'} circle={count < 10}>
                  {count}
                </Badge>
              ) : null
            }
          />
        );
      })}
    </Stack>
  );
}

/** Figures, register and settings: each shown to the roles the server lets use it. */
function ManagementLinks() {
  const { t } = useTranslation();
  const me = useMe();
  const links = [
    canReadFigures(me.role) && { to: FIGURES_PATH, label: t('correspondence.nav.figures'), icon: IconChartBar },
    canExportRegister(me.role) && {
      to: REGISTER_PATH,
      label: t('correspondence.nav.register'),
      icon: IconFileSpreadsheet,
    },
    sectionsFor(me.role).length > 0 && {
      to: SETTINGS_PATH,
      label: t('correspondence.nav.settings'),
      icon: IconSettings,
    },
  ].filter((x) => x !== false);
  if (links.length === 0) return null;
  return (
    <Stack component="nav" aria-label={t('correspondence.nav.label')} gap={2}>
      {links.map(({ to, label, icon: Icon }) => (
        <NavLink key={to} component={Link} to={to} label={label} leftSection={<Icon size={18} aria-hidden />} />
      ))}
    </Stack>
  );
}
