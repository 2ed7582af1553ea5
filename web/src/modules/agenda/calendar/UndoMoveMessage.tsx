import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** « Événement déplacé » with its undo button, inside the notification. */
export function UndoMoveMessage({ title, onUndo }: { title: string; onUndo: () => void }) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between" wrap="nowrap" gap="sm">
      <Text size="sm">{t('agenda.move.done', { title })}</Text>
      <Button size="compact-sm" variant="outline" onClick={onUndo}>
        {t('agenda.move.undo')}
      </Button>
    </Group>
  );
}
