import type { TContact, TDuplicatePair } from '@dircab/contracts';
import { Anchor, Button, Group, List, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState } from '../../ui/ErrorState';
import { notify } from '../../ui/notify';
import { Panel } from '../../ui/Panel';
import { problemMessage } from '../../ui/problem-message';
import { contactDuplicatesKey, contactLinksApi, duplicatesKey, mergePath } from './contact-links-api';
import { DuplicateReasons } from './DuplicateReasons';
import { contactPath } from './directory-rules';

/** « Doublons possibles » of one contact, with the way to compare and merge, or to dismiss. */
export function DuplicatesPanel({ contact }: { contact: TContact }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const duplicates = useQuery({
    queryKey: contactDuplicatesKey(contact.id),
    queryFn: () => contactLinksApi.contactDuplicates(contact.id),
  });
  const dismiss = useMutation({
    mutationFn: (pair: TDuplicatePair) => contactLinksApi.dismiss(contact.id, pair.duplicate.id),
    onSuccess: async (_, pair) => {
      notify('green', t('duplicates.dismissed', { name: pair.duplicate.displayName }));
      await queryClient.invalidateQueries({ queryKey: contactDuplicatesKey(contact.id) });
      await queryClient.invalidateQueries({ queryKey: duplicatesKey });
    },
    onError: (error) => notify('red', problemMessage(error, t)),
  });
  const pairs = duplicates.data?.data ?? [];
  // Nothing to say about a contact without look-alikes: the panel stays out of the way.
  if (duplicates.isSuccess && pairs.length === 0) return null;

  return (
    <Panel title={t('duplicates.panelTitle')}>
      {duplicates.isError && <ErrorState error={duplicates.error} onRetry={() => void duplicates.refetch()} />}
      {duplicates.isPending && <Text size="sm">{t('common.loading')}</Text>}
      {pairs.length > 0 && (
        <List listStyleType="none" spacing="sm" aria-label={t('duplicates.panelTitle')}>
          {pairs.map((p) => (
            <List.Item key={p.duplicate.id}>
              <Stack gap={4}>
                <Group gap="xs">
                  <Anchor component={Link} to={contactPath(p.duplicate.id)}>
                    {p.duplicate.displayName}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {t('duplicates.score', { score: p.score })}
                  </Text>
                </Group>
                <DuplicateReasons reasons={p.reasons} />
                <Group gap="xs">
                  {p.policies.merge && (
                    <Button
                      size="xs"
                      component={Link}
                      to={mergePath(contact.id, p.duplicate.id)}
                      aria-label={t('duplicates.compareNamed', { name: p.duplicate.displayName })}
                    >
                      {t('duplicates.compare')}
                    </Button>
                  )}
                  {p.policies.dismiss && (
                    <Button
                      size="xs"
                      variant="default"
                      loading={dismiss.isPending && dismiss.variables?.duplicate.id === p.duplicate.id}
                      onClick={() => dismiss.mutate(p)}
                      aria-label={t('duplicates.dismissNamed', { name: p.duplicate.displayName })}
                    >
                      {t('duplicates.dismiss')}
                    </Button>
                  )}
                </Group>
              </Stack>
            </List.Item>
          ))}
        </List>
      )}
    </Panel>
  );
}
