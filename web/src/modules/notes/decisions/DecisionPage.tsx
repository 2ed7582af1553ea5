import { Anchor, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorState } from '../../../ui/ErrorState';
import { PageLoader } from '../../../ui/PageLoader';
import { usePageTitle } from '../../../ui/use-page-title';
import { DECISIONS_KEY, decisionsApi } from '../notes-api';
import { DecisionCard } from './DecisionCard';

/** One decision and its actions: where a decision's task leads back to. */
export function DecisionPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  usePageTitle(t('notes.decisions.one'));
  const decision = useQuery({ queryKey: [...DECISIONS_KEY, 'one', id], queryFn: () => decisionsApi.one(id) });
  return (
    <Stack>
      <Anchor component={Link} to="/notes/decisions" size="sm">
        {t('notes.decisions.back')}
      </Anchor>
      <Title order={1}>{t('notes.decisions.one')}</Title>
      {decision.isPending && <PageLoader />}
      {decision.isError && <ErrorState error={decision.error} onRetry={() => void decision.refetch()} />}
      {decision.data && <DecisionCard decision={decision.data} />}
    </Stack>
  );
}
