import type { TCorrespondenceDetail, TRouting } from '@dircab/contracts';
import { Alert, Button, Group, List, Stack, Text } from '@mantine/core';
import { IconArrowsSplit, IconWand } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../ui/format';
import { useMe } from '../../ui/me-context';
import { notify } from '../../ui/notify';
import { Panel } from '../../ui/Panel';
import { problemMessage } from '../../ui/problem-message';
import { CORRESPONDENCE_KEY, correspondenceApi, itemKey } from './correspondence-api';
import { RouteModal } from './RouteModal';

function routingLabel(r: TRouting): string {
  return [r.serviceName, r.userName].filter(Boolean).join(' · ');
}

/** Who the item is routed to, the suggestion with its one click, and the past routings. */
export function RoutingPanel({ item }: { item: TCorrespondenceDetail }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const [routing, setRouting] = useState(false);
  const current = item.routings.filter((r) => r.endedAt === null);
  const past = item.routings.filter((r) => r.endedAt !== null);
  const suggested = item.suggestion?.assignments ?? [];
  const asSuggested = useMutation({
    mutationFn: () =>
      correspondenceApi.route(item.id, {
        assignments: suggested.map((a) => ({
          mode: a.mode,
          ...(a.serviceId ? { serviceId: a.serviceId } : {}),
          ...(a.userId ? { userId: a.userId } : {}),
        })),
      }),
    onSuccess: async (routed) => {
      notify('green', t('correspondence.route.done', { number: routed.registrationNumber }));
      queryClient.setQueryData(itemKey(item.id), routed);
      await queryClient.invalidateQueries({ queryKey: CORRESPONDENCE_KEY });
    },
  });

  return (
    <Panel title={t('correspondence.route.panel')}>
      <Stack gap="sm">
        {current.length === 0 ? (
          <Text size="sm">{t('correspondence.route.none')}</Text>
        ) : (
          <List size="sm" spacing={4}>
            {current.map((r) => (
              <List.Item key={r.id}>
                <Text span fw={500}>
                  {routingLabel(r)}
                </Text>{' '}
                · {t(`correspondence.route.modes.${r.mode}`)}
                {r.comment && ` · « ${r.comment} »`}
              </List.Item>
            ))}
          </List>
        )}
        {item.policies.route && suggested.length > 0 && (
          <Alert color="blue" variant="light" title={t('correspondence.route.suggested')}>
            <Stack gap="xs">
              <Text size="sm">
                {suggested.map((a) => `${a.label} (${t(`correspondence.route.modes.${a.mode}`)})`).join(', ')}
              </Text>
              {item.suggestion?.explanation && <Text size="sm">{item.suggestion.explanation}</Text>}
            </Stack>
          </Alert>
        )}
        {asSuggested.isError && (
          <Alert color="red" role="alert">
            {problemMessage(asSuggested.error, t)}
          </Alert>
        )}
        {item.policies.route && (
          <Group gap="xs">
            {suggested.length > 0 && (
              <Button
                leftSection={<IconWand size={18} aria-hidden />}
                loading={asSuggested.isPending}
                onClick={() => asSuggested.mutate()}
              >
                {t('correspondence.route.asSuggested')}
              </Button>
            )}
            <Button
              variant={suggested.length > 0 ? 'default' : 'filled'}
              leftSection={<IconArrowsSplit size={18} aria-hidden />}
              onClick={() => setRouting(true)}
            >
              {current.length > 0 ? t('correspondence.route.reroute') : t('correspondence.route.open')}
            </Button>
          </Group>
        )}
        {past.length > 0 && (
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('correspondence.route.history')}
            </Text>
            <List size="sm" spacing={2}>
              {past.map((r) => (
                <List.Item key={r.id}>
                  {routingLabel(r)} · {t(`correspondence.route.modes.${r.mode}`)} ·{' '}
                  {formatDateTime(r.routedAt, me.organisation.timeZone, i18n.language)}
                  {r.routedByName && ` · ${r.routedByName}`}
                </List.Item>
              ))}
            </List>
          </Stack>
        )}
      </Stack>
      <RouteModal itemId={routing ? item.id : null} onClose={() => setRouting(false)} />
    </Panel>
  );
}
