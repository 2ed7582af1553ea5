import type { TContact } from '@dircab/contracts';
import { Button, Stack, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../ui/ErrorState';
import { Panel } from '../../../ui/Panel';
import { contactMandates, contactMandatesKey } from './contact-mandates-api';
import { MandatesTable } from './MandatesTable';

const LIMIT = 20;

/**
 * « Mandats » on the contact's page: the organisation's officials and the elected persons of
 * other bodies (other mayors, the préfet, députés…), worded as the officials pages word them.
 */
export function ContactMandatesPanel({ contact }: { contact: TContact }) {
  const { t } = useTranslation();
  const mandates = useInfiniteQuery({
    queryKey: contactMandatesKey(contact.id),
    queryFn: ({ pageParam }) => contactMandates(contact.id, pageParam, LIMIT),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const rows = mandates.data?.pages.flatMap((p) => p.data) ?? [];

  return (
    <Panel title={t('mandates.title')}>
      <Stack gap="sm">
        {mandates.isError && <ErrorState error={mandates.error} onRetry={() => void mandates.refetch()} />}
        {mandates.isPending && <Text size="sm">{t('common.loading')}</Text>}
        {mandates.isSuccess && rows.length === 0 && <Text size="sm">{t('mandates.empty')}</Text>}
        {rows.length > 0 && (
          <MandatesTable
            mandates={rows}
            label={t('mandates.tableLabel', { name: contact.displayName })}
            inForce={(m) => m.inForce}
            withOfficialLink
          />
        )}
        {mandates.hasNextPage && (
          <Button
            variant="default"
            size="xs"
            onClick={() => void mandates.fetchNextPage()}
            loading={mandates.isFetchingNextPage}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('mandates.more')}
          </Button>
        )}
      </Stack>
    </Panel>
  );
}
