import type { TDuplicatePair } from '@dircab/contracts';
import { Anchor, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState } from '../../ui/ErrorState';
import { LoadMoreButton } from '../../ui/LoadMoreButton';
import { notify } from '../../ui/notify';
import { problemMessage } from '../../ui/problem-message';
import { TableScroller } from '../../ui/TableScroller';
import { usePageTitle } from '../../ui/use-page-title';
import { contactLinksApi, duplicatesKey, mergePath } from './contact-links-api';
import { DirectoryTabs } from './DirectoryTabs';
import { DuplicateReasons } from './DuplicateReasons';
import { contactPath } from './directory-rules';

/** The organisation's likely duplicates, most likely first: compare and merge, or dismiss. */
export function DuplicatesPage() {
  const { t } = useTranslation();
  usePageTitle(t('duplicates.title'));
  const queryClient = useQueryClient();
  const list = useInfiniteQuery({
    queryKey: duplicatesKey,
    queryFn: ({ pageParam }) => contactLinksApi.duplicates(pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const dismiss = useMutation({
    mutationFn: (p: TDuplicatePair) => contactLinksApi.dismiss(p.contact.id, p.duplicate.id),
    onSuccess: async (_, p) => {
      notify('green', t('duplicates.dismissed', { name: p.duplicate.displayName }));
      await queryClient.invalidateQueries({ queryKey: duplicatesKey });
    },
    onError: (error) => notify('red', problemMessage(error, t)),
  });
  const pairs = list.data?.pages.flatMap((p) => p.data) ?? [];
  const key = (p: TDuplicatePair) => `${p.contact.id}-${p.duplicate.id}`;

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('duplicates.title')}</Title>
        <Text c="dimmed">{t('duplicates.intro')}</Text>
      </div>
      <DirectoryTabs />
      {list.isError && <ErrorState error={list.error} onRetry={() => void list.refetch()} />}
      {list.isPending && <Text>{t('common.loading')}</Text>}
      {list.isSuccess && pairs.length === 0 && <Text>{t('duplicates.empty')}</Text>}
      {pairs.length > 0 && (
        <TableScroller label={t('duplicates.tableLabel')} minWidth={760}>
          <Table striped aria-label={t('duplicates.tableLabel')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('duplicates.contact')}</Table.Th>
                <Table.Th scope="col">{t('duplicates.duplicate')}</Table.Th>
                <Table.Th scope="col">{t('duplicates.scoreHeader')}</Table.Th>
                <Table.Th scope="col">{t('duplicates.reasonsHeader')}</Table.Th>
                <Table.Th scope="col">{t('directory.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {pairs.map((p) => (
                <Table.Tr key={key(p)}>
                  <Table.Td>
                    <Anchor component={Link} to={contactPath(p.contact.id)}>
                      {p.contact.displayName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={contactPath(p.duplicate.id)}>
                      {p.duplicate.displayName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{p.score}</Table.Td>
                  <Table.Td>
                    <DuplicateReasons reasons={p.reasons} />
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      {p.policies.merge && (
                        <Button
                          size="xs"
                          component={Link}
                          to={mergePath(p.contact.id, p.duplicate.id)}
                          aria-label={t('duplicates.comparePair', {
                            a: p.contact.displayName,
                            b: p.duplicate.displayName,
                          })}
                        >
                          {t('duplicates.compare')}
                        </Button>
                      )}
                      {p.policies.dismiss && (
                        <Button
                          size="xs"
                          variant="default"
                          loading={dismiss.isPending && dismiss.variables && key(dismiss.variables) === key(p)}
                          onClick={() => dismiss.mutate(p)}
                          aria-label={t('duplicates.dismissPair', {
                            a: p.contact.displayName,
                            b: p.duplicate.displayName,
                          })}
                        >
                          {t('duplicates.dismiss')}
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroller>
      )}
      <LoadMoreButton query={list} />
    </Stack>
  );
}
