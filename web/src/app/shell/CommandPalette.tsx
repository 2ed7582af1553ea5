import { Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Spotlight } from '@mantine/spotlight';
import { IconArrowRight, IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { BusyIndicator } from '../../ui/BusyIndicator';
import { useMe } from '../../ui/me-context';
import { normalize } from '../../ui/normalize';
import { fetchSearch, searchKey } from '../api/search-api';
import { availableModules } from './module-registry';
import { paletteStore } from './palette-store';

const MIN_QUERY = 2;
const LIMIT = 8;

/** Go to a module, or find a record across the ones the role may see (opened by CommandPaletteOnDemand). */
export function CommandPalette() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 250);
  // The server answers 403 to roles without the search module: do not even ask.
  const canSearch = me.modules.includes('search');
  const results = useQuery({
    queryKey: searchKey(debounced, LIMIT),
    queryFn: () => fetchSearch(debounced, LIMIT),
    enabled: canSearch && debounced.length >= MIN_QUERY,
    staleTime: 30_000,
  });

  const typed = normalize(query);
  const destinations = availableModules(me.modules).filter((m) => {
    if (m.key === 'search') return false;
    const label = normalize(t(`modules.${m.key}.label`));
    return !typed || label.includes(typed) || normalize(t(`modules.${m.key}.description`)).includes(typed);
  });
  const groups = debounced.length >= MIN_QUERY ? (results.data?.groups ?? []) : [];
  const hasHits = groups.some((g) => g.hits.length > 0);
  const go = (url: string) => navigate(url);

  return (
    <Spotlight.Root
      query={query}
      onQueryChange={setQuery}
      store={paletteStore}
      // CommandPaletteOnDemand listens for Ctrl+K, from before this code has come.
      shortcut={null}
      scrollable
      maxHeight={480}
      attributes={{ content: { 'aria-label': t('palette.label') } }}
      // Mantine fades the description of the selected action below AA contrast.
      styles={{ actionDescription: { opacity: 1 } }}
    >
      <Spotlight.Search
        placeholder={t('palette.placeholder')}
        aria-label={t('palette.searchLabel')}
        leftSection={<IconSearch size={18} aria-hidden />}
        rightSection={results.isFetching ? <BusyIndicator size="xs" /> : null}
      />
      <Spotlight.ActionsList aria-label={t('palette.results')}>
        {destinations.length > 0 && (
          <Spotlight.ActionsGroup label={t('palette.goTo')}>
            {destinations.map((m) => (
              <Spotlight.Action
                key={m.key}
                label={t(`modules.${m.key}.label`)}
                description={t(`modules.${m.key}.description`)}
                leftSection={<m.icon size={18} aria-hidden />}
                onClick={() => go(m.path)}
              />
            ))}
          </Spotlight.ActionsGroup>
        )}
        {groups
          .filter((g) => g.hits.length > 0)
          .map((group) => (
            <Spotlight.ActionsGroup
              key={group.kind}
              label={t(`search.kinds.${group.kind}`, { defaultValue: group.kind })}
            >
              {group.hits.map((hit) => (
                <Spotlight.Action
                  key={`${hit.kind}:${hit.recordId}`}
                  label={hit.title}
                  description={hit.snippet}
                  onClick={() => go(hit.url)}
                />
              ))}
            </Spotlight.ActionsGroup>
          ))}
        {canSearch && debounced.length >= MIN_QUERY && (
          <Spotlight.ActionsGroup label={t('palette.everywhere')}>
            <Spotlight.Action
              label={t('palette.searchFor', { q: debounced })}
              leftSection={<IconArrowRight size={18} aria-hidden />}
              onClick={() => go(`/search?q=${encodeURIComponent(debounced)}`)}
            />
          </Spotlight.ActionsGroup>
        )}
        {destinations.length === 0 && !hasHits && !results.isFetching && (
          <Spotlight.Empty>
            <Text size="sm">
              {canSearch && typed.length < MIN_QUERY ? t('palette.typeMore') : t('palette.nothing')}
            </Text>
          </Spotlight.Empty>
        )}
      </Spotlight.ActionsList>
    </Spotlight.Root>
  );
}
