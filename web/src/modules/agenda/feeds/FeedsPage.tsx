import type { TCalendarFeed } from '@dircab/contracts';
import {
  Accordion,
  Alert,
  Anchor,
  Button,
  CopyButton,
  Group,
  List,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState } from '../../../ui/ErrorState';
import { useMe } from '../../../ui/me-context';
import { notify } from '../../../ui/notify';
import { problemMessage } from '../../../ui/problem-message';
import { usePageTitle } from '../../../ui/use-page-title';
import { formatDay } from '../../correspondence/correspondence-rules';
import { todayIn } from '../invitations/agenda-time';
import { useOfficialChoices } from '../invitations/use-delegates';
import { FEEDS_KEY, feedsApi, webcalUrl } from './feeds-api';

const feedKey = (feed: Pick<TCalendarFeed, 'officialId'>) => feed.officialId ?? 'mine';

/**
 * The calendar feeds one may subscribe to from Outlook, Google or Apple: a secret address per
 * agenda, shown once when created or changed (the server keeps only its fingerprint).
 */
export function FeedsPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const me = useMe();
  const choices = useOfficialChoices(todayIn(me.organisation.timeZone));
  const feeds = useQuery({ queryKey: FEEDS_KEY, queryFn: feedsApi.list });
  // Addresses just created or changed, by agenda: they cannot be read again.
  const [shown, setShown] = useState<Record<string, string>>({});
  usePageTitle(t('agendaFeeds.title'));
  const act = useMutation({
    mutationFn: async ({ feed, action }: { feed: TCalendarFeed; action: 'create' | 'rotate' | 'revoke' }) => {
      if (action === 'create') return feedsApi.create(feed.officialId);
      if (action === 'rotate' && feed.id) return feedsApi.rotate(feed.id);
      if (feed.id) await feedsApi.revoke(feed.id);
      return null;
    },
    onSuccess: (result, { feed, action }) => {
      setShown((s) => {
        const next = { ...s };
        if (result?.url) next[feedKey(feed)] = result.url;
        else delete next[feedKey(feed)];
        return next;
      });
      void queryClient.invalidateQueries({ queryKey: FEEDS_KEY });
      notify('green', t(`agendaFeeds.done.${action}`));
    },
    onError: (error) => notify('red', problemMessage(error, t)),
  });
  const labelOf = (feed: TCalendarFeed) =>
    feed.officialId
      ? t('agendaFeeds.ofOfficial', { name: choices.nameOf(feed.officialId) ?? feed.label })
      : t('agendaFeeds.mine');
  return (
    <Stack gap="lg" maw={900}>
      <Anchor component={Link} to="/agenda" size="sm">
        {t('agendaFeeds.backToAgenda')}
      </Anchor>
      <Title order={1}>{t('agendaFeeds.title')}</Title>
      <Text>{t('agendaFeeds.intro')}</Text>
      {feeds.isError && <ErrorState error={feeds.error} onRetry={() => void feeds.refetch()} />}
      {feeds.data?.data.length === 0 && <Text>{t('agendaFeeds.none')}</Text>}
      {feeds.data?.data.map((feed) => {
        const url = shown[feedKey(feed)];
        const label = labelOf(feed);
        const busy = act.isPending && act.variables?.feed.officialId === feed.officialId;
        return (
          <Paper key={feedKey(feed)} withBorder p="md" component="section" aria-label={label}>
            <Stack gap="xs">
              <Group justify="space-between">
                <Title order={2} size="h4">
                  {label}
                </Title>
                <Group gap="xs">
                  {!feed.id && (
                    <Button size="xs" loading={busy} onClick={() => act.mutate({ feed, action: 'create' })}>
                      {t('agendaFeeds.create')}
                    </Button>
                  )}
                  {feed.id && feed.policies.rotate && (
                    <Button
                      size="xs"
                      variant="default"
                      loading={busy}
                      onClick={() =>
                        window.confirm(t('agendaFeeds.rotateConfirm')) && act.mutate({ feed, action: 'rotate' })
                      }
                    >
                      {t('agendaFeeds.rotate')}
                    </Button>
                  )}
                  {feed.id && feed.policies.delete && (
                    <Button
                      size="xs"
                      variant="default"
                      color="red.9"
                      loading={busy}
                      onClick={() =>
                        window.confirm(t('agendaFeeds.revokeConfirm')) && act.mutate({ feed, action: 'revoke' })
                      }
                    >
                      {t('agendaFeeds.revoke')}
                    </Button>
                  )}
                </Group>
              </Group>
              <Text size="sm">
                {feed.createdAt
                  ? t('agendaFeeds.since', { date: formatDay(feed.createdAt.slice(0, 10), 'fr') })
                  : t('agendaFeeds.notYet')}
              </Text>
              {url && <FeedAddress url={url} label={label} />}
              {feed.id && !url && <Text size="sm">{t('agendaFeeds.lostAddress')}</Text>}
            </Stack>
          </Paper>
        );
      })}
      <Instructions />
    </Stack>
  );
}

function FeedAddress({ url, label }: { url: string; label: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Alert color="blue.9" variant="outline">
        {t('agendaFeeds.copyNow')}
      </Alert>
      <Group align="flex-end" gap="xs" wrap="nowrap">
        <TextInput
          label={t('agendaFeeds.address', { label })}
          value={url}
          readOnly
          style={{ flex: 1 }}
          onFocus={(e) => e.currentTarget.select()}
        />
        <CopyButton value={url}>
          {({ copied, copy }) => (
            <Button variant="default" onClick={copy}>
              {copied ? t('agendaFeeds.copied') : t('agendaFeeds.copy')}
            </Button>
          )}
        </CopyButton>
      </Group>
      <Anchor href={webcalUrl(url)} size="sm">
        {t('agendaFeeds.subscribe')}
      </Anchor>
    </Stack>
  );
}

const CLIENTS = ['outlook', 'google', 'apple'] as const;

function Instructions() {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" component="section" aria-labelledby="feeds-howto">
      <Title order={2} size="h4" id="feeds-howto">
        {t('agendaFeeds.howto.title')}
      </Title>
      <Accordion variant="separated">
        {CLIENTS.map((client) => (
          <Accordion.Item key={client} value={client}>
            <Accordion.Control>{t(`agendaFeeds.howto.${client}.name`)}</Accordion.Control>
            <Accordion.Panel>
              <List type="ordered" size="sm" spacing={4}>
                {(t(`agendaFeeds.howto.${client}.steps`, { returnObjects: true }) as string[]).map((step) => (
                  <List.Item key={step}>{step}</List.Item>
                ))}
              </List>
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
      <Text size="sm">{t('agendaFeeds.howto.privacy')}</Text>
    </Stack>
  );
}
