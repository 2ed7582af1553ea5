import type { TMemberOption } from '@dircab/contracts';
import { MultiSelect } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { correspondenceApi, REVIEWERS_KEY } from './correspondence-api';

interface Props {
  label: string;
  value: string[];
  onChange: (userIds: string[]) => void;
  error?: React.ReactNode;
}

/**
 * The reviewers of a reply, searchable by name: the shape of the directory's member picker, fed
 * by GET /api/v1/correspondence/reviewers (open to whoever drafts a reply, services included,
 * and limited to the members who may give a visa) instead of the heads' member lookup.
 */
export function ReviewerMultiSelect({ label, value, onChange, error }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const [labels] = useState(() => new Set<string>());
  // Once a reviewer is picked, the search box may show their label: that is no name to search for.
  const q = labels.has(debounced) ? '' : debounced;
  const found = useQuery({
    queryKey: [...REVIEWERS_KEY, q],
    queryFn: () => correspondenceApi.reviewers({ q }),
    placeholderData: keepPreviousData,
  });
  // The chosen ones, named by id, so the field keeps showing them whatever the search finds.
  const chosen = useQuery({
    queryKey: [...REVIEWERS_KEY, 'ids', [...value].sort().join(',')],
    queryFn: () => correspondenceApi.reviewers({ ids: value, limit: 50 }),
    enabled: value.length > 0,
  });
  const byId = new Map<string, TMemberOption>();
  for (const m of [...(chosen.data?.data ?? []), ...(found.data?.data ?? [])]) byId.set(m.userId, m);
  const data = [...byId.values()].map((m) => ({
    value: m.userId,
    label: [m.name, t(`roles.${m.role}`), m.jobTitle].filter(Boolean).join(' · '),
  }));
  for (const o of data) labels.add(o.label);
  return (
    <MultiSelect
      label={label}
      error={error}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // The server already filtered by name (accents ignored): show what it found.
      filter={({ options }) => options}
      data={data}
      nothingFoundMessage={found.isFetching ? t('common.loading') : t('correspondence.review.noReviewer')}
      value={value}
      onChange={onChange}
    />
  );
}
