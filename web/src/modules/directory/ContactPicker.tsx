import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contactLinksApi } from './contact-links-api';
import { CONTACTS_KEY } from './directory-api';

interface Props {
  label: string;
  value: string | null;
  onChange: (id: string | null) => void;
  /** Left out of the choices (the page's own contact). */
  excludeId?: string;
  error?: string | undefined;
}

/** Picks a contact by typing part of its name (the list's accent-tolerant search). */
export function ContactPicker({ label, value, onChange, excludeId, error }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null);
  const found = useQuery({
    queryKey: [...CONTACTS_KEY, 'pick', debounced],
    queryFn: () => contactLinksApi.pick(debounced),
    enabled: debounced.length >= 2,
    staleTime: 30_000,
  });
  const options = (found.data?.data ?? [])
    .filter((c) => c.id !== excludeId)
    .map((c) => ({ value: c.id, label: c.displayName }));
  // The chosen contact stays an option while the user types something else.
  const data = chosen && !options.some((o) => o.value === chosen.value) ? [chosen, ...options] : options;
  return (
    <Select
      label={label}
      placeholder={t('relations.pickerPlaceholder')}
      searchable
      clearable
      withAsterisk
      data={data}
      value={value}
      onSearchChange={setSearch}
      onChange={(id, option) => {
        setChosen(id && option ? { value: id, label: option.label } : null);
        onChange(id);
      }}
      filter={({ options: all }) => all}
      nothingFoundMessage={debounced.length >= 2 ? t('relations.pickerNothing') : t('relations.pickerHint')}
      error={error}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
