import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** An item's tags as outline badges (a light grey badge fails axe's contrast: gray.8 outline passes). */
export function TagBadges({ tags }: { tags: readonly string[] }) {
  const { t } = useTranslation();
  if (tags.length === 0) return null;
  return (
    <Group
      gap={4}
      mt={4}
      component="ul"
      aria-label={t('correspondenceTags.label')}
      style={{ listStyle: 'none', padding: 0 }}
    >
      {tags.map((tag) => (
        <li key={tag}>
          <Badge size="sm" variant="outline" color="gray.8" tt="none">
            {tag}
          </Badge>
        </li>
      ))}
    </Group>
  );
}
