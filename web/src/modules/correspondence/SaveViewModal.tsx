import { Alert, Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notify } from '../../ui/notify';
import { problemMessage } from '../../ui/problem-message';
import type { InboxFilters } from './inbox-filters';
import { savedViewsApi, toViewFilters, VIEWS_KEY } from './saved-views';

interface Props {
  opened: boolean;
  /** The queue and filters to save under a name. */
  filters: InboxFilters;
  onClose: () => void;
}

/** Names and saves the inbox's current view (SavedViews.tsx); fetched when first opened. */
export function SaveViewModal({ opened, filters, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('correspondence.views.save')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {/* Mounted while open only: each opening starts with an empty name. */}
      <SaveViewForm filters={filters} onClose={onClose} />
    </Modal>
  );
}

function SaveViewForm({ filters, onClose }: Omit<Props, 'opened'>) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: (viewName: string) => savedViewsApi.create({ name: viewName, filters: toViewFilters(filters) }),
    onSuccess: async (view) => {
      notify('green', t('correspondence.views.saved', { name: view.name }));
      onClose();
      await queryClient.invalidateQueries({ queryKey: VIEWS_KEY });
    },
    onError: (e) => setError(problemMessage(e, t)),
  });

  return (
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
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
