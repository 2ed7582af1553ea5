import { Button, Group } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { exportUrl } from './notes-api';

/** Downloads of the note with the letterhead: Word, LibreOffice (ODF, as the RGI recommends), PDF. */
export function ExportButtons({ noteId }: { noteId: string }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" role="group" aria-label={t('notes.export.label')}>
      {(['docx', 'odt', 'pdf'] as const).map((format) => (
        <Button
          key={format}
          component="a"
          href={exportUrl(noteId, format)}
          download
          variant="default"
          size="xs"
          leftSection={<IconDownload size={14} aria-hidden />}
        >
          {t(`notes.export.${format}`)}
        </Button>
      ))}
    </Group>
  );
}
