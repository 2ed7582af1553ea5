import type { TAlert, TAlertFeed, TRole } from '@dircab/contracts';
import { Anchor, Badge, Group, List, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { http } from '../../app/api/http';
import { ErrorState } from '../../ui/ErrorState';
import { formatDateTime } from '../../ui/format';
import { useMe } from '../../ui/me-context';
import { Panel } from '../../ui/Panel';
import { ALERTS_KEY, useAlertStream } from './use-alert-stream';

// Who reads the feed: server/src/modules/alerts/alert-sources.ts ALERT_ROLES.
const ALERT_ROLES: readonly TRole[] = ['executive', 'chief_of_staff', 'cabinet_head'];
export const seesAlerts = (role: TRole) => ALERT_ROLES.includes(role);

const LIMIT = 20;

/** The executive's feed: escalated cases, late tasks and decisions…, most urgent first, live. */
export function AlertsPanel() {
  const { t } = useTranslation();
  const stream = useAlertStream(true);
  const feed = useQuery({
    queryKey: ALERTS_KEY,
    queryFn: () => http.get<TAlertFeed>(`/api/v1/alerts?limit=${LIMIT}`),
  });
  const alerts = feed.data?.data ?? [];
  return (
    <Panel title={t('alerts.title')}>
      <Stack gap="sm">
        <Text size="xs" c="dimmed" aria-live="polite">
          {t(`alerts.stream.${stream}`)}
        </Text>
        {feed.isError && <ErrorState error={feed.error} onRetry={() => void feed.refetch()} />}
        {feed.isPending && <Text size="sm">{t('common.loading')}</Text>}
        {feed.isSuccess && alerts.length === 0 && <Text size="sm">{t('alerts.empty')}</Text>}
        {alerts.length > 0 && (
          <List listStyleType="none" spacing="sm" aria-label={t('alerts.title')}>
            {alerts.map((a) => (
              <AlertItem key={a.id} alert={a} />
            ))}
          </List>
        )}
      </Stack>
    </Panel>
  );
}

function AlertItem({ alert }: { alert: TAlert }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const kind = t(`alerts.kinds.${alert.kind}`, { defaultValue: t('alerts.kinds.other') });
  return (
    <List.Item>
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <Badge
          size="sm"
          // Filled dark red for the urgent, outlined for the rest: Mantine's orange fails contrast.
          variant={alert.priority === 'critical' ? 'filled' : 'outline'}
          color={alert.priority === 'normal' ? 'gray.8' : 'red.9'}
          style={{ flexShrink: 0 }}
        >
          {t(`alerts.priorities.${alert.priority}`)}
        </Badge>
        <div>
          <Anchor component={Link} to={alert.url} fw={600} size="sm">
            {alert.title}
          </Anchor>
          <Text size="xs">
            {kind} · {formatDateTime(alert.at, me.organisation.timeZone, i18n.language)}
          </Text>
          {alert.detail && <Text size="sm">{alert.detail}</Text>}
        </div>
      </Group>
    </List.Item>
  );
}
