import { DECISION_VIEWS } from '@dircab/contracts';
import { SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorState } from '../../../ui/ErrorState';
import { LoadMoreButton } from '../../../ui/LoadMoreButton';
import { usePageTitle } from '../../../ui/use-page-title';
import { NotesNav } from '../NotesNav';
import { DECISIONS_KEY, decisionsApi } from '../notes-api';
import { DecisionCard } from './DecisionCard';

type View = (typeof DECISION_VIEWS)[number];

/** The follow-up of decisions (arbitrages): open ones by default, the late ones, or all. */
export function DecisionsPage() {
  const { t } = useTranslation();
  usePageTitle(t('notes.decisions.title'));
  const [params, setParams] = useSearchParams();
  const asked = params.get('view');
  const view: View = DECISION_VIEWS.includes(asked as View) ? (asked as View) : 'open';
  const list = useInfiniteQuery({
    queryKey: [...DECISIONS_KEY, 'list', view],
    queryFn: ({ pageParam }) => decisionsApi.list(view, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const decisions = list.data?.pages.flatMap((p) => p.data) ?? [];
  return (
    <Stack>
      <Title order={1}>{t('notes.decisions.title')}</Title>
      <NotesNav />
      <SegmentedControl
        aria-label={t('notes.decisions.view')}
        value={view}
        onChange={(v) => setParams(v === 'open' ? {} : { view: v })}
        data={DECISION_VIEWS.map((v) => ({ value: v, label: t(`notes.decisions.views.${v}`) }))}
        style={{ alignSelf: 'flex-start' }}
      />
      {list.isError && <ErrorState error={list.error} onRetry={() => void list.refetch()} />}
      {list.isSuccess && decisions.length === 0 && <Text c="dimmed">{t('notes.decisions.empty')}</Text>}
      {decisions.map((d) => (
        <DecisionCard key={d.id} decision={d} />
      ))}
      <LoadMoreButton query={list} />
    </Stack>
  );
}
