import { Button, Group, Select } from '@mantine/core';
import { IconDeviceFloppy, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notify } from '../../ui/notify';
import { OnceOpened } from '../../ui/OnceOpened';
import { problemMessage } from '../../ui/problem-message';
import type { InboxFilters } from './inbox-filters';
import { fromViewFilters, sameFilters, savedViewsApi, toViewFilters, VIEWS_KEY } from './saved-views';

// Naming a view is a dialog (and Mantine's modal code) fetched when first opened (issue 7).
const SaveViewModal = lazy(() => import('./SaveViewModal').then((m) => ({ default: m.SaveViewModal })));

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
  const list = views.data?.data ?? [];
  const currentFilters = toViewFilters(filters);
  const current = list.find((v) => sameFilters(v.filters, currentFilters));

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
        onClick={() => setNaming(true)}
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
      <OnceOpened when={naming}>
        <SaveViewModal opened={naming} filters={filters} onClose={() => setNaming(false)} />
      </OnceOpened>
    </Group>
  );
}
