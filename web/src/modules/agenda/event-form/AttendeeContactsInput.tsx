import type { TContact } from '@dircab/contracts';
import { MultiSelect } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { http, queryString } from '../../../app/api/http';
import type { Page } from '../../directory/directory-api';
import { CONTACTS_KEY, contactKey, directoryApi } from '../../directory/directory-api';

interface Props {
  value: string[];
  onChange: (ids: string[]) => void;
  error?: string | undefined;
}

/** Contacts of the directory attending: typed by name, accents or not. */
export function AttendeeContactsInput({ value, onChange, error }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const found = useQuery({
    queryKey: [...CONTACTS_KEY, 'agenda-pick', debounced],
    queryFn: () => http.get<Page<TContact>>(`/api/v1/contacts${queryString({ q: debounced, limit: 10 })}`),
    enabled: debounced.length >= 2,
    staleTime: 30_000,
  });
  // The names of the contacts already chosen (an event read back carries their ids only).
  const chosen = useQueries({
    queries: value.map((id) => ({
      queryKey: contactKey(id),
      queryFn: () => directoryApi.contact(id),
      staleTime: 60_000,
    })),
  });
  const options = new Map<string, string>();
  value.forEach((id, i) => {
    options.set(id, chosen[i]?.data?.displayName ?? t('agenda.form.contactLoading'));
  });
  for (const c of found.data?.data ?? []) options.set(c.id, c.displayName);
  return (
    <MultiSelect
      label={t('agenda.form.attendeeContacts')}
      placeholder={t('agenda.form.contactPlaceholder')}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      data={[...options].map(([id, label]) => ({ value: id, label }))}
      value={value}
      onChange={onChange}
      filter={({ options: all }) => all}
      nothingFoundMessage={debounced.length >= 2 ? t('agenda.form.contactNothing') : t('agenda.form.contactHint')}
      error={error}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
