import type { TCorrespondence } from '@dircab/contracts';
import { Button, Group, Text } from '@mantine/core';
import { IconTag } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TagBadges } from './TagBadges';
import { TagPicker } from './TagPicker';

/**
 * The tags on the item's own page: outline badges for everyone who sees the item, and for those
 * the server lets tag it (`policies.tag`) the inbox's picker, to add or remove them here.
 */
export function ItemTags({ item }: { item: TCorrespondence }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const mayTag = item.policies.tag === true;
  if (item.tags.length === 0 && !mayTag) return null;
  return (
    <Group gap="xs" align="center">
      {item.tags.length > 0 ? (
        <TagBadges tags={item.tags} />
      ) : (
        <Text size="sm" c="dimmed">
          {t('correspondenceTags.none')}
        </Text>
      )}
      {mayTag && (
        <Button
          size="compact-sm"
          variant="default"
          leftSection={<IconTag size={16} aria-hidden />}
          onClick={() => setEditing(true)}
        >
          {t('correspondenceTags.edit')}
        </Button>
      )}
      <TagPicker item={editing ? item : null} onClose={() => setEditing(false)} />
    </Group>
  );
}
