import { Alert, Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { IconDeviceFloppy, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notify } from '../../ui/notify';
import { problemMessage } from '../../ui/problem-message';
import type { InboxFilters } from './inbox-filters';
import { fromViewFilters, sameFilters, savedViewsApi, toViewFilters, VIEWS_KEY } from './saved-views';

interface Props {
  /** The queue and filters applied now. */
  filters: InboxFilters;
  onOpen: (filters: InboxFilters) => void;
}

/** Named views of the inbox (queue and filters), kept by the server for each user. */
export function SavedViews({ filters, onOpen }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const views = useQuery({ queryKey: VIEWS_KEY, queryFn: savedViewsApi.list, retry: false });
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const list = views.data?.data ?? [];
  const currentFilters = toViewFilters(filters);
  const current = list.find((v) => sameFilters(v.filters, currentFilters));

  const create = useMutation({
    mutationFn: (viewName: string) => savedViewsApi.create({ name: viewName, filters: currentFilters }),
    onSuccess: async (view) => {
      notify('green', t('correspondence.views.saved', { name: view.name }));
      setNaming(false);
      await queryClient.invalidateQueries({ queryKey: VIEWS_KEY });
    },
    onError: (e) => setError(problemMessage(e, t)),
  });
  const remove = useMutation({
    mutationFn: (id: string) => savedViewsApi.remove(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: VIEWS_KEY }),
    onError: (e) => notify('red', problemMessage(e, t)),
  });

  return (
    <Group align="flex-end" gap="xs">
      <Select
        label={t('correspondence.views.label')}
        placeholder={t('correspondence.views.placeholder')}
        data={list.map((v) => ({ value: v.id, label: v.name }))}
        value={current?.id ?? null}
        onChange={(id) => {
          const view = list.find((x) => x.id === id);
          if (view) onOpen(fromViewFilters(view.filters));
        }}
        nothingFoundMessage={t('correspondence.views.none')}
        w={220}
      />
      <Button
        variant="default"
        leftSection={<IconDeviceFloppy size={16} aria-hidden />}
        onClick={() => {
          setName('');
          setError(null);
          create.reset();
          setNaming(true);
        }}
      >
        {t('correspondence.views.save')}
      </Button>
      {current?.policies.delete && (
        <Button
          variant="subtle"
          color="red.9"
          leftSection={<IconTrash size={16} aria-hidden />}
          loading={remove.isPending}
          onClick={() => remove.mutate(current.id)}
        >
          {t('correspondence.views.delete', { name: current.name })}
        </Button>
      )}
      <Modal
        opened={naming}
        onClose={() => setNaming(false)}
        title={t('correspondence.views.save')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const trimmed = name.trim();
            if (!trimmed) {
              setError(t('correspondence.views.nameRequired'));
              return;
            }
            create.mutate(trimmed.slice(0, 80));
          }}
          noValidate
        >
          <Stack>
            {create.isError && !error && <Alert color="red">{problemMessage(create.error, t)}</Alert>}
            <TextInput
              label={t('correspondence.views.name')}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={error}
              required
              data-autofocus
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setNaming(false)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={create.isPending}>
                {t('common.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Group>
  );
}
