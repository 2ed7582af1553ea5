import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorState } from '../../../ui/ErrorState';
import { useMe } from '../../../ui/me-context';
import { usePageTitle } from '../../../ui/use-page-title';
import { BriefSheet } from './BriefSheet';
import { assembledBriefKey, briefPath, briefsApi } from './briefs-api';
import './brief-print.css';

/** The brief alone, sized for one A4 page: the browser's print hides everything else. */
export function BriefPrintPage() {
  const { t } = useTranslation();
  const { eventId = '' } = useParams();
  const timeZone = useMe().organisation.timeZone;
  const assembled = useQuery({
    queryKey: assembledBriefKey(eventId),
    queryFn: () => briefsApi.assembled(eventId),
    retry: false,
  });
  usePageTitle(t('agendaBriefs.title'));
  if (assembled.isError) return <ErrorState error={assembled.error} onRetry={() => void assembled.refetch()} />;
  if (!assembled.data) return <Text>{t('common.loading')}</Text>;
  return (
    <Stack gap="md">
      <Group className="agenda-brief-actions" gap="xs">
        <Anchor component={Link} to={briefPath(eventId)} size="sm">
          {t('agendaBriefs.backToBrief')}
        </Anchor>
        <Button size="xs" onClick={() => window.print()}>
          {t('agendaBriefs.printNow')}
        </Button>
      </Group>
      <div className="agenda-brief-page">
        <BriefSheet assembled={assembled.data} timeZone={timeZone} />
      </div>
    </Stack>
  );
}
