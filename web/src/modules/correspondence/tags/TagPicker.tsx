import type { TCorrespondence } from '@dircab/contracts';

/** What the picker reads of an item: a list row or the detail serves. */
type TaggedItem = Pick<TCorrespondence, 'id' | 'registrationNumber' | 'tags'>;

import { Button, Group, Modal, Stack } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notify } from '../../../ui/notify';
import { problemMessage } from '../../../ui/problem-message';
import { CORRESPONDENCE_KEY, correspondenceApi } from '../correspondence-api';
import { TagsField } from './TagsField';
import { TAG_MAX_COUNT, TAG_MAX_LENGTH, tagChanges } from './tag-changes';

/** The inbox's tag picker on one row (key « t »): the item's tags, edited and saved at once. */
export function TagPicker({ item, onClose }: { item: TaggedItem | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={item !== null}
      onClose={onClose}
      title={item ? t('correspondenceTags.pickerTitle', { number: item.registrationNumber }) : ''}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {/* Keyed by the item: the form starts again from its tags each time it opens. */}
      {item && <TagPickerForm key={item.id} item={item} onDone={onClose} />}
    </Modal>
  );
}

function TagPickerForm({ item, onDone }: { item: TaggedItem; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [tags, setTags] = useState<string[]>(item.tags);
  const save = useMutation({
    mutationFn: () => {
      const { add, remove } = tagChanges(item.tags, tags);
      if (add.length === 0 && remove.length === 0) return Promise.resolve(null);
      return correspondenceApi.bulkTags({ itemIds: [item.id], add, remove });
    },
    onSuccess: async (result) => {
      if (result && result.updated === 0) {
        notify('red', t('correspondenceTags.cannotTag'));
      } else if (result) {
        notify('green', t('correspondenceTags.saved', { number: item.registrationNumber }));
        await queryClient.invalidateQueries({ queryKey: CORRESPONDENCE_KEY });
      }
      onDone();
    },
    onError: (error) => notify('red', problemMessage(error, t)),
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <Stack>
        <TagsField
          label={t('correspondenceTags.label')}
          description={t('correspondenceTags.pickerHelp', { count: TAG_MAX_COUNT, length: TAG_MAX_LENGTH })}
          value={tags}
          onChange={setTags}
          suggest
          data-autofocus
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('correspondenceTags.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
