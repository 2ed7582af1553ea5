import { Anchor, List, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { auditKey, fetchAudit } from '../../app/api/audit-api';
import { ErrorState } from '../../ui/ErrorState';
import { formatDateTime } from '../../ui/format';
import { useMe } from '../../ui/me-context';
import { Panel } from '../../ui/Panel';

const LIMIT = 5;

export function LatestAuditPanel() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const latest = useQuery({ queryKey: auditKey({}, LIMIT), queryFn: () => fetchAudit({}, LIMIT) });
  return (
    <Panel title={t('home.audit.title')}>
      {latest.isPending && <Text size="sm">{t('common.loading')}</Text>}
      {latest.isError && <ErrorState error={latest.error} onRetry={() => void latest.refetch()} />}
      {latest.data && latest.data.data.length === 0 && <Text size="sm">{t('home.audit.empty')}</Text>}
      {latest.data && latest.data.data.length > 0 && (
        <List spacing="xs" listStyleType="none" size="sm">
          {latest.data.data.map((entry) => (
            <List.Item key={entry.id}>
              <Text size="sm" fw={500} span>
                {t(`audit.actions.${entry.action}`, { defaultValue: entry.action })}
              </Text>{' '}
              <Text size="sm" c="dimmed" span>
                {entry.actorName ?? t('audit.system')} ·{' '}
                {formatDateTime(entry.at, me.organisation.timeZone, i18n.language)}
              </Text>
            </List.Item>
          ))}
        </List>
      )}
      <Anchor component={Link} to="/audit" size="sm" mt="sm" display="inline-block">
        {t('home.audit.link')}
      </Anchor>
    </Panel>
  );
}
