import type { TCaseLinkKind } from '@dircab/contracts';
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchSearch } from '../../app/api/search-api';

/** What the picker finds: a kind of record a case links to, or a case itself (a task's record). */
export type PickableKind = TCaseLinkKind | 'case';

/** The search index's kind for each kind of record. */
const SEARCH_KINDS: Record<PickableKind, string> = {
  case: 'case',
  contact: 'contact',
  correspondence: 'mail',
  task: 'task',
  event: 'event',
  note: 'note',
  decision: 'decision',
};

interface Props {
  kind: PickableKind;
  label: string;
  value: string | null;
  onChange: (id: string | null) => void;
  error?: string | undefined;
  /** A choice the form can do without (no asterisk). */
  optional?: boolean;
}

/**
 * Finds a record of one kind by typing words of it (the global search, which shows only what
 * the user may see): a contact's name, a mail's number or subject, a task's title…
 */
export function RecordPicker({ kind, label, value, onChange, error, optional = false }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null);
  const found = useQuery({
    queryKey: ['search', 'pick', kind, debounced],
    queryFn: () => fetchSearch(debounced, 20),
    enabled: debounced.length >= 2,
    staleTime: 30_000,
  });
  const options = (found.data?.groups ?? [])
    .filter((g) => g.kind === SEARCH_KINDS[kind])
    .flatMap((g) => g.hits.map((h) => ({ value: h.recordId, label: h.title })));
  // The chosen record stays an option while the user types something else.
  const data = chosen && !options.some((o) => o.value === chosen.value) ? [chosen, ...options] : options;
  return (
    <Select
      label={label}
      placeholder={t('cases.links.pickerPlaceholder')}
      searchable
      clearable
      withAsterisk={!optional}
      data={data}
      value={value}
      onSearchChange={setSearch}
      onChange={(id, option) => {
        setChosen(id && option ? { value: id, label: option.label } : null);
        onChange(id);
      }}
      filter={({ options: all }) => all}
      nothingFoundMessage={debounced.length >= 2 ? t('cases.links.pickerNothing') : t('cases.links.pickerHint')}
      error={error}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
