import type { TMemberOption, TRole } from '@dircab/contracts';
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { lookupMembers, MEMBER_LOOKUP_KEY } from './members-lookup-api';

export interface MemberPickerProps {
  label: string;
  description?: string;
  /** Only members of this role (a group's staff are group_staff members). */
  memberRole?: TRole;
  error?: React.ReactNode;
}

/**
 * The options of a member picker (one member here, several in MemberMultiSelect.tsx): the
 * members typed for (the server filters by name) plus the ones already chosen, named by id so
 * the field shows them before any search.
 */
export function useMemberOptions(selected: readonly string[], role: TRole | undefined) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const [labels] = useState(() => new Set<string>());
  // Once a member is picked, the search box shows their label: that is no name to search for.
  const q = labels.has(debounced) ? '' : debounced;
  const found = useQuery({
    queryKey: [...MEMBER_LOOKUP_KEY, role ?? 'all', q],
    queryFn: () => lookupMembers({ q, role }),
    placeholderData: keepPreviousData,
  });
  const chosen = useQuery({
    queryKey: [...MEMBER_LOOKUP_KEY, 'ids', [...selected].sort().join(',')],
    queryFn: () => lookupMembers({ ids: selected, limit: 50 }),
    enabled: selected.length > 0,
  });
  const byId = new Map<string, TMemberOption>();
  for (const m of [...(chosen.data?.data ?? []), ...(found.data?.data ?? [])]) byId.set(m.userId, m);
  const data = [...byId.values()].map((m) => ({
    value: m.userId,
    label: [m.name, t(`roles.${m.role}`), m.jobTitle, m.active ? null : t('memberPicker.inactive')]
      .filter(Boolean)
      .join(' · '),
  }));
  for (const o of data) labels.add(o.label);
  return { data, search, setSearch, loading: found.isFetching };
}

/** One member (an official's user account), searchable by name, clearable. */
export function MemberSelect({
  value,
  onChange,
  ...common
}: MemberPickerProps & { value: string | null; onChange: (userId: string | null) => void }) {
  const { t } = useTranslation();
  const options = useMemberOptions(value ? [value] : [], common.memberRole);
  return (
    <Select
      label={common.label}
      description={common.description}
      error={common.error}
      searchable
      clearable
      clearButtonProps={{ 'aria-label': t('memberPicker.clear') }}
      searchValue={options.search}
      onSearchChange={options.setSearch}
      // The server already filtered by name (accents ignored): show what it found.
      filter={({ options: all }) => all}
      data={options.data}
      nothingFoundMessage={options.loading ? t('common.loading') : t('memberPicker.none')}
      value={value}
      onChange={onChange}
    />
  );
}
