import type { TCorrespondenceDetail } from '@dircab/contracts';
import { Alert, Anchor, Badge, Button, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../app/api/http';
import { ErrorState } from '../../ui/ErrorState';
import { formatDateTime } from '../../ui/format';
import { HistoryPanel } from '../../ui/HistoryPanel';
import { useMe } from '../../ui/me-context';
import { Panel } from '../../ui/Panel';
import { usePageTitle } from '../../ui/use-page-title';
import { InvitationFromItemButton } from '../agenda/invitations/InvitationFromItemButton';
import { contactPath } from '../directory/directory-rules';
import { AcknowledgementPanel } from './AcknowledgementPanel';
import { correspondenceApi, itemKey } from './correspondence-api';
import { CORRESPONDENCE_PATH, editItemPath, formatDay, isOverdue, statusColor, todayIn } from './correspondence-rules';
import { ReplyPanel } from './ReplyPanel';
import { RoutingPanel } from './RoutingPanel';
import { StatusActions } from './StatusActions';
import { ItemTags } from './tags/ItemTags';

export function ItemPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const item = useQuery({ queryKey: itemKey(id), queryFn: () => correspondenceApi.item(id), retry: false });
  const missing = item.error instanceof ApiError && (item.error.status === 404 || item.error.status === 400);
  usePageTitle(
    item.data
      ? `${item.data.registrationNumber} · ${item.data.subject}`
      : missing
        ? t('correspondence.notFound.title')
        : t('modules.correspondence.label'),
  );
  if (missing) {
    return (
      <Stack align="flex-start" maw={640}>
        <Title order={1}>{t('correspondence.notFound.title')}</Title>
        <Alert color="gray" role="alert">
          {t('correspondence.notFound.body')}
        </Alert>
        <Button component={Link} to={CORRESPONDENCE_PATH}>
          {t('correspondence.backToInbox')}
        </Button>
      </Stack>
    );
  }
  if (item.isError) return <ErrorState error={item.error} onRetry={() => void item.refetch()} />;
  if (!item.data) return <Text>{t('common.loading')}</Text>;
  return <ItemView item={item.data} />;
}

function ItemView({ item }: { item: TCorrespondenceDetail }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const timeZone = me.organisation.timeZone;
  const late = isOverdue(item, todayIn(timeZone));
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={CORRESPONDENCE_PATH} size="sm">
        {t('correspondence.backToInbox')}
      </Anchor>
      <Stack gap={4}>
        <Group gap="xs">
          <Text fw={500}>{item.registrationNumber}</Text>
          <Badge variant="filled" color={statusColor(item.status)}>
            {t(`correspondence.statuses.${item.status}`)}
          </Badge>
          {item.confidentiality !== 'normal' && (
            <Badge variant="filled" color="red.9">
              {t(`directory.levels.${item.confidentiality}`)}
            </Badge>
          )}
          {item.priority !== 'normal' && (
            <Badge variant="outline" color="gray.8">
              {t(`correspondence.priorities.${item.priority}`)}
            </Badge>
          )}
        </Group>
        <Title order={1}>{item.subject}</Title>
        <Text size="sm">
          {t(`correspondence.directions.${item.direction}`)} · {t(`correspondence.channels.${item.channel}`)} ·{' '}
          {t('correspondence.item.receivedOn', { date: formatDateTime(item.receivedAt, timeZone, i18n.language) })}
        </Text>
        <Text size="sm">
          {item.direction === 'in' ? t('correspondence.fields.sender') : t('correspondence.fields.recipient')} :{' '}
          {item.senderContactId ? (
            <Anchor component={Link} to={contactPath(item.senderContactId)}>
              {item.sender.name}
            </Anchor>
          ) : (
            item.sender.name
          )}
          {item.sender.email && ` · ${item.sender.email}`}
          {item.sender.phone && ` · ${item.sender.phone}`}
        </Text>
        {item.dueDate && (
          <Text size="sm" c={late ? 'red.9' : undefined} fw={late ? 700 : undefined}>
            {t('correspondence.item.due', { date: formatDay(item.dueDate, i18n.language) })}
            {late && ` · ${t('correspondence.overdue')}`}
          </Text>
        )}
        {item.implicitDecisionDate && item.implicitDecisionRule && (
          <Text size="sm">
            {t(`correspondence.item.implicit.${item.implicitDecisionRule}`, {
              date: formatDay(item.implicitDecisionDate, i18n.language),
            })}
          </Text>
        )}
        <ItemTags item={item} />
      </Stack>
      <Group gap="xs">
        {item.policies.update && (
          <Button component={Link} to={editItemPath(item.id)} variant="default">
            {t('correspondence.edit.open')}
          </Button>
        )}
        <StatusActions item={item} />
        <InvitationFromItemButton item={item} />
      </Group>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="lg">
            <Panel title={t('correspondence.item.body')}>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {item.body || t('correspondence.item.noBody')}
              </Text>
            </Panel>
            <ReplyPanel item={item} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="lg">
            {item.direction === 'in' && <RoutingPanel item={item} />}
            <AcknowledgementPanel item={item} />
            <HistoryPanel recordType="correspondence" recordId={item.id} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
