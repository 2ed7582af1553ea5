import type { TMemberOption, TRole } from '@dircab/contracts';
import { MultiSelect, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { lookupPeople, PEOPLE_KEY } from './notes-api';
import { personLabel } from './use-people';

const byName = (a: TMemberOption, b: TMemberOption) => a.name.localeCompare(b.name, 'fr');

/**
 * The options of a people picker: the people the server finds for what is typed (name, accents
 * and case ignored, first fifty) plus the ones already chosen, named by id so the field shows
 * them before any search, whatever the size of the organisation.
 */
function usePeopleOptions(selected: readonly string[], roles: readonly TRole[] | undefined) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const [labels] = useState(() => new Set<string>());
  // Once a person is picked, the search box shows their label: that is no name to search for.
  const q = labels.has(debounced) ? '' : debounced.trim();
  const found = useQuery({
    queryKey: [...PEOPLE_KEY, 'search', roles?.join(',') ?? 'all', q],
    // The API filters one role at a time: an addressee is the executive or an official.
    queryFn: async () => {
      const pages = await Promise.all((roles ?? [undefined]).map((role) => lookupPeople({ q, role })));
      return { people: pages.flatMap((p) => p.data).sort(byName), more: pages.some((p) => p.nextCursor !== null) };
    },
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    retry: false,
  });
  const chosen = useQuery({
    queryKey: [...PEOPLE_KEY, 'ids', [...selected].sort().join(',')],
    queryFn: () => lookupPeople({ ids: selected }),
    enabled: selected.length > 0,
    staleTime: 5 * 60_000,
    retry: false,
  });
  const byId = new Map<string, TMemberOption>();
  for (const m of [...(chosen.data?.data ?? []), ...(found.data?.people ?? [])]) byId.set(m.userId, m);
  const data = [...byId.values()].map((m) => ({ value: m.userId, label: personLabel(m) }));
  for (const o of data) labels.add(o.label);
  // Past the first fifty the server has more: a few more letters narrow the search.
  return { data, search, setSearch, loading: found.isFetching, more: found.data?.more === true };
}

interface Common {
  label: string;
  description?: string;
  /** Only people of these roles (the addressee: the executive or an official). */
  roles?: readonly TRole[];
  error?: React.ReactNode;
  required?: boolean;
}

/** One person, found by typing part of their name. */
export function PersonSelect({
  value,
  onChange,
  ...common
}: Common & { value: string | null; onChange: (userId: string | null) => void }) {
  const { t } = useTranslation();
  const options = usePeopleOptions(value ? [value] : [], common.roles);
  return (
    <Select
      label={common.label}
      description={options.more ? t('notes.people.more') : (common.description ?? t('notes.people.searchHelp'))}
      error={common.error}
      required={common.required}
      searchable
      searchValue={options.search}
      onSearchChange={options.setSearch}
      // The server already filtered by name (accents ignored): show what it found.
      filter={({ options: all }) => all}
      data={options.data}
      nothingFoundMessage={options.loading ? t('common.loading') : t('notes.people.nobody')}
      value={value}
      onChange={onChange}
    />
  );
}

/** Several people (those named on a confidential note), found by typing part of their name. */
export function PeopleMultiSelect({
  value,
  onChange,
  ...common
}: Common & { value: string[]; onChange: (userIds: string[]) => void }) {
  const { t } = useTranslation();
  const options = usePeopleOptions(value, common.roles);
  return (
    <MultiSelect
      label={common.label}
      description={options.more ? t('notes.people.more') : (common.description ?? t('notes.people.searchHelp'))}
      error={common.error}
      required={common.required}
      searchable
      searchValue={options.search}
      onSearchChange={options.setSearch}
      filter={({ options: all }) => all}
      data={options.data}
      nothingFoundMessage={options.loading ? t('common.loading') : t('notes.people.nobody')}
      value={value}
      onChange={onChange}
    />
  );
}
