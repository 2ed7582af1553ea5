import type { TCorrespondenceSummary } from '@dircab/contracts';
import { Button, Group, Modal, Paper, Select, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notify } from '../../ui/notify';
import { problemMessage } from '../../ui/problem-message';
import { CORRESPONDENCE_KEY, correspondenceApi } from './correspondence-api';
import { TagsField } from './tags/TagsField';
import { useServiceOptions } from './use-services';

interface Props {
  /** The selected items (those of the loaded pages). */
  items: TCorrespondenceSummary[];
  onDone: () => void;
}

/** Runs one action on each item in turn: the API decides each, and the count of refusals is told. */
async function eachItem(items: TCorrespondenceSummary[], action: (item: TCorrespondenceSummary) => Promise<unknown>) {
  let ok = 0;
  for (const item of items) {
    try {
      await action(item);
      ok++;
    } catch {
      // Refused for this item (its state changed, or the role may not): the others go on.
    }
  }
  return { ok, failed: items.length - ok };
}

/** Route to one service, tag or untag, or close without reply, the selected items. */
export function BulkActions({ items, onDone }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const services = useServiceOptions();
  const [serviceId, setServiceId] = useState<string | null>(null);
  const [closing, setClosing] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [tags, setTags] = useState<string[]>([]);
  const routable = items.filter((x) => x.policies.route);
  const closable = items.filter((x) => x.policies.close);
  const taggable = items.filter((x) => x.policies.tag);

  const finish = async (result: { ok: number; failed: number }) => {
    notify(result.failed ? 'red' : 'green', t('correspondence.bulk.result', result));
    await queryClient.invalidateQueries({ queryKey: CORRESPONDENCE_KEY });
    onDone();
  };
  const route = useMutation({
    mutationFn: (id: string) =>
      eachItem(routable, (x) => correspondenceApi.route(x.id, { assignments: [{ serviceId: id, mode: 'action' }] })),
    onSuccess: finish,
  });
  const close = useMutation({
    mutationFn: (why: string) =>
      eachItem(closable, (x) => correspondenceApi.close(x.id, { withoutReply: true, reason: why })),
    onSuccess: async (result) => {
      setClosing(false);
      await finish(result);
    },
  });

  // One request for the whole selection: the server skips, and counts, what it refuses.
  const retag = useMutation({
    mutationFn: (change: { add: string[]; remove: string[] }) =>
      correspondenceApi.bulkTags({ itemIds: taggable.map((x) => x.id), ...change }),
    onSuccess: async (result) => {
      notify(
        result.skippedIds.length ? 'red' : 'green',
        t('correspondenceTags.bulkResult', { updated: result.updated, skipped: result.skippedIds.length }),
      );
      setTags([]);
      await queryClient.invalidateQueries({ queryKey: CORRESPONDENCE_KEY });
      onDone();
    },
    onError: (error) => notify('red', problemMessage(error, t)),
  });

  return (
    <Paper withBorder p="sm" component="section" aria-label={t('correspondence.bulk.label')}>
      <Group align="flex-end" gap="sm">
        <Text fw={500} role="status">
          {t('correspondence.bulk.selected', { count: items.length })}
        </Text>
        {routable.length > 0 && (
          <>
            <Select
              label={t('correspondence.bulk.service')}
              data={services}
              value={serviceId}
              onChange={setServiceId}
              searchable
              w={260}
            />
            <Button
              disabled={!serviceId}
              loading={route.isPending}
              onClick={() => serviceId && route.mutate(serviceId)}
            >
              {t('correspondence.bulk.route', { count: routable.length })}
            </Button>
          </>
        )}
        {taggable.length > 0 && (
          <>
            <TagsField label={t('correspondenceTags.bulkLabel')} value={tags} onChange={setTags} suggest w={300} />
            <Button
              variant="default"
              disabled={tags.length === 0}
              loading={retag.isPending}
              onClick={() => retag.mutate({ add: tags, remove: [] })}
            >
              {t('correspondenceTags.bulkAdd', { count: taggable.length })}
            </Button>
            <Button
              variant="default"
              disabled={tags.length === 0}
              loading={retag.isPending}
              onClick={() => retag.mutate({ add: [], remove: tags })}
            >
              {t('correspondenceTags.bulkRemove', { count: taggable.length })}
            </Button>
          </>
        )}
        {closable.length > 0 && (
          <Button variant="default" onClick={() => setClosing(true)}>
            {t('correspondence.bulk.close', { count: closable.length })}
          </Button>
        )}
        <Button variant="subtle" onClick={onDone}>
          {t('correspondence.bulk.clear')}
        </Button>
      </Group>
      <Modal
        opened={closing}
        onClose={() => setClosing(false)}
        title={t('correspondence.bulk.closeTitle', { count: closable.length })}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!reason.trim()) {
              setReasonError(t('correspondence.actions.reasonRequired'));
              return;
            }
            close.mutate(reason.trim());
          }}
          noValidate
        >
          <Stack>
            <Textarea
              label={t('correspondence.actions.reason')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={reasonError}
              required
              data-autofocus
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setClosing(false)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={close.isPending}>
                {t('correspondence.actions.closeWithoutReply')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Paper>
  );
}
