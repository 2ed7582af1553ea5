import { Button, Stack, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../ui/me-context';
import { type CsvExportFilters, contactsCsvUrl } from './privacy-api';
import { canBulkExport } from './privacy-rules';

/**
 * « Exporter (CSV) » on the contacts list, with the filters applied: a plain download link, so
 * the browser writes the streamed file to disk. The heads only; never by political group.
 */
export function CsvExportButton({ filters }: { filters: CsvExportFilters }) {
  const { t } = useTranslation();
  const me = useMe();
  const hintId = useId();
  if (!canBulkExport(me.role)) return null;
  const byGroup = Boolean(filters.groupId);
  if (byGroup) {
    return (
      <Stack gap={2} align="flex-end">
        <Button
          variant="default"
          leftSection={<IconDownload size={18} aria-hidden />}
          disabled
          aria-describedby={hintId}
        >
          {t('privacy.csv.button')}
        </Button>
        <Text id={hintId} size="xs" c="dimmed">
          {t('privacy.csv.noGroup')}
        </Text>
      </Stack>
    );
  }
  return (
    <Button
      component="a"
      href={contactsCsvUrl(filters)}
      download
      variant="default"
      leftSection={<IconDownload size={18} aria-hidden />}
      title={t('privacy.csv.help')}
    >
      {t('privacy.csv.button')}
    </Button>
  );
}
