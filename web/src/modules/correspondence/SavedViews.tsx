import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { IconDeviceFloppy, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../ui/me-context';
import { deleteView, readViews, saveView } from './saved-views';

interface Props {
  /** The current queue and filters, as the URL's query string. */
  search: string;
  onOpen: (search: string) => void;
}

/** Named views of the inbox (queue and filters), one click away. */
export function SavedViews({ search, onOpen }: Props) {
  const { t } = useTranslation();
  const me = useMe();
  const [views, setViews] = useState(() => readViews(me.user.id));
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const current = views.find((v) => v.search === search);

  return (
    <Group align="flex-end" gap="xs">
      <Select
        label={t('correspondence.views.label')}
        placeholder={t('correspondence.views.placeholder')}
        data={views.map((v) => ({ value: v.name, label: v.name }))}
        value={current?.name ?? null}
        onChange={(v) => {
          const view = views.find((x) => x.name === v);
          if (view) onOpen(view.search);
        }}
        nothingFoundMessage={t('correspondence.views.none')}
        w={220}
      />
      <Button
        variant="default"
        leftSection={<IconDeviceFloppy size={16} aria-hidden />}
        onClick={() => {
          setName(current?.name ?? '');
          setError(null);
          setNaming(true);
        }}
      >
        {t('correspondence.views.save')}
      </Button>
      {current && (
        <Button
          variant="subtle"
          color="red.9"
          leftSection={<IconTrash size={16} aria-hidden />}
          onClick={() => setViews(deleteView(me.user.id, current.name))}
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
            setViews(saveView(me.user.id, { name: trimmed.slice(0, 80), search }));
            setNaming(false);
          }}
          noValidate
        >
          <Stack>
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
              <Button type="submit">{t('common.save')}</Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Group>
  );
}
