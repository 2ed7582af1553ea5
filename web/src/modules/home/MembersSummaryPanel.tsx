import { Anchor, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MEMBERS_KEY, membersApi } from '../../app/api/members-api';
import { ErrorState } from '../../ui/ErrorState';
import { Panel } from '../../ui/Panel';

// The server gives the total; the active ones are counted on one page of the maximum size,
// which holds every member of all but the largest organisations.
const LIMIT = 200;

export function MembersSummaryPanel() {
  const { t } = useTranslation();
  const members = useQuery({ queryKey: [...MEMBERS_KEY, 'count'], queryFn: () => membersApi.list(LIMIT) });
  const active = members.data?.data.filter((m) => m.active).length ?? 0;
  const total = members.data?.total ?? 0;
  return (
    <Panel title={t('home.members.title')}>
      {members.isPending && <Text size="sm">{t('common.loading')}</Text>}
      {members.isError && <ErrorState error={members.error} onRetry={() => void members.refetch()} />}
      {members.data && (
        <Text size="sm">
          {members.data.nextCursor
            ? t('home.members.total', { count: total })
            : t('home.members.count', { count: total, active })}
        </Text>
      )}
      <Anchor component={Link} to="/admin" size="sm" mt="sm" display="inline-block">
        {t('home.members.link')}
      </Anchor>
    </Panel>
  );
}
