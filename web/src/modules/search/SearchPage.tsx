import { Anchor, Button, Group, List, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { fetchSearch, searchKey } from '../../app/api/search-api';
import { ErrorState } from '../../ui/ErrorState';
import { Panel } from '../../ui/Panel';
import { usePageTitle } from '../../ui/use-page-title';

const LIMIT = 20;

/** The full results of a search, for when the palette's few lines are not enough. */
export default function SearchPage() {
  const { t } = useTranslation();
  usePageTitle(t('modules.search.label'));
  const [params, setParams] = useSearchParams();
  const q = (params.get('q') ?? '').trim();
  const [draft, setDraft] = useState(q);
  const results = useQuery({ queryKey: searchKey(q, LIMIT), queryFn: () => fetchSearch(q, LIMIT), enabled: !!q });
  const groups = results.data?.groups.filter((g) => g.hits.length > 0) ?? [];

  return (
    <Stack gap="lg">
      <Title order={1}>{t('modules.search.label')}</Title>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setParams(draft.trim() ? { q: draft.trim() } : {});
        }}
      >
        <Group align="flex-end">
          <TextInput
            label={t('search.label')}
            value={draft}
            onChange={(e) => setDraft(e.currentTarget.value)}
            maxLength={200}
            style={{ flex: 1 }}
          />
          <Button type="submit">{t('search.submit')}</Button>
        </Group>
      </form>
      {results.isError && <ErrorState error={results.error} onRetry={() => void results.refetch()} />}
      {results.isFetching && <Text size="sm">{t('common.loading')}</Text>}
      <div aria-live="polite">
        {q && results.isSuccess && groups.length === 0 && <Text>{t('search.nothing', { q })}</Text>}
      </div>
      {groups.map((group) => (
        <Panel key={group.kind} title={t(`search.kinds.${group.kind}`, { defaultValue: group.kind })}>
          <List spacing="sm" listStyleType="none">
            {group.hits.map((hit) => (
              <List.Item key={hit.recordId}>
                <Anchor component={Link} to={hit.url} fw={500}>
                  {hit.title}
                </Anchor>
                <Text size="sm" c="dimmed">
                  {hit.snippet}
                </Text>
              </List.Item>
            ))}
          </List>
        </Panel>
      ))}
    </Stack>
  );
}
