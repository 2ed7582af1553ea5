import { CASE_LINK_KINDS, type TCase, type TCaseLinkKind } from '@dircab/contracts';
import { ActionIcon, Alert, Anchor, Button, Group, Select, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconLink, IconTrash } from '@tabler/icons-react';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState } from '../../ui/ErrorState';
import { LoadMoreButton } from '../../ui/LoadMoreButton';
import { notify } from '../../ui/notify';
import { Panel } from '../../ui/Panel';
import { problemMessage } from '../../ui/problem-message';
import { fieldErrors } from '../directory/directory-rules';
import { caseLinksKey, casesApi, caseTimelineKey } from './cases-api';
import { RecordPicker } from './RecordPicker';

/** Kinds the user links by hand (events join when the agenda registers them). */
const LINKABLE: readonly TCaseLinkKind[] = CASE_LINK_KINDS.filter((k) => k !== 'event');

/** The records linked to the case, and linking or unlinking one (for those who may). */
export function CaseLinksPanel({ value }: { value: TCase }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<TCaseLinkKind>('contact');
  const [recordId, setRecordId] = useState<string | null>(null);
  const links = useInfiniteQuery({
    queryKey: caseLinksKey(value.id),
    queryFn: ({ pageParam }) => casesApi.links(value.id, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: caseLinksKey(value.id) }),
      queryClient.invalidateQueries({ queryKey: caseTimelineKey(value.id) }),
    ]);
  const add = useMutation({
    mutationFn: () => casesApi.link(value.id, kind, recordId ?? ''),
    onSuccess: async (created) => {
      notify('green', t('cases.links.added', { title: created.title ?? '' }));
      setRecordId(null);
      await refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (linkId: string) => casesApi.unlink(value.id, linkId),
    onSuccess: async () => {
      notify('green', t('cases.links.removed'));
      await refresh();
    },
  });
  const rows = links.data?.pages.flatMap((p) => p.data) ?? [];
  const errors = fieldErrors(add.error);

  return (
    <Panel title={t('cases.links.title')}>
      <Stack gap="sm">
        {/* The form first: the list growing below it never moves it while someone types. */}
        {value.policies.link && (
          <form
            aria-label={t('cases.links.add')}
            onSubmit={(e) => {
              e.preventDefault();
              if (recordId) add.mutate();
            }}
          >
            <Group align="flex-end" gap="sm">
              <Select
                label={t('cases.links.kind')}
                data={LINKABLE.map((k) => ({ value: k, label: t(`cases.linkKinds.${k}`) }))}
                value={kind}
                onChange={(k) => {
                  if (!k) return;
                  setKind(k as TCaseLinkKind);
                  setRecordId(null);
                }}
                allowDeselect={false}
                w={180}
              />
              <div style={{ flex: 1, minWidth: 220 }}>
                <RecordPicker
                  key={kind}
                  kind={kind}
                  label={t('cases.links.record')}
                  value={recordId}
                  onChange={setRecordId}
                  error={errors.recordId}
                />
              </div>
              <Button
                type="submit"
                leftSection={<IconLink size={18} aria-hidden />}
                loading={add.isPending}
                disabled={!recordId}
              >
                {t('cases.links.add')}
              </Button>
            </Group>
            {add.isError && !errors.recordId && (
              <Alert color="red" role="alert" mt="sm">
                {problemMessage(add.error, t)}
              </Alert>
            )}
          </form>
        )}
        {links.isError && <ErrorState error={links.error} onRetry={() => void links.refetch()} />}
        {links.isSuccess && rows.length === 0 && <Text size="sm">{t('cases.links.empty')}</Text>}
        {rows.length > 0 && (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('cases.links.kind')}</Table.Th>
                <Table.Th scope="col">{t('cases.links.record')}</Table.Th>
                {value.policies.link && (
                  <Table.Th scope="col">
                    <VisuallyHidden>{t('cases.links.actions')}</VisuallyHidden>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((l) => (
                <Table.Tr key={l.id}>
                  <Table.Td>{t(`cases.linkKinds.${l.kind}`)}</Table.Td>
                  <Table.Td>
                    {l.url && l.title ? (
                      <Anchor component={Link} to={l.url}>
                        {l.title}
                      </Anchor>
                    ) : (
                      (l.title ?? t('cases.links.hidden'))
                    )}
                  </Table.Td>
                  {value.policies.link && (
                    <Table.Td>
                      <ActionIcon
                        variant="subtle"
                        color="red.9"
                        aria-label={t('cases.links.remove', { title: l.title ?? t('cases.links.hidden') })}
                        loading={remove.isPending && remove.variables === l.id}
                        onClick={() => remove.mutate(l.id)}
                      >
                        <IconTrash size={18} aria-hidden />
                      </ActionIcon>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <LoadMoreButton query={links} size="xs" />
        {remove.isError && (
          <Alert color="red" role="alert">
            {problemMessage(remove.error, t)}
          </Alert>
        )}
      </Stack>
    </Panel>
  );
}
