import { MultiSelect, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMemberOptions } from './use-member-options';

interface MultiProps {
  label: string;
  description?: string;
  value: string[];
  onChange: (ids: string[]) => void;
  error?: string | undefined;
  required?: boolean;
}

/** Picks members of the organisation by typing part of their name. */
export function MemberMultiSelect({ label, description, value, onChange, error, required }: MultiProps) {
  const { t } = useTranslation();
  const { data, setSearch, allowed } = useMemberOptions(value);
  return (
    <MultiSelect
      label={label}
      description={description ?? (allowed ? t('cases.members.searchHelp') : t('cases.members.selfOnly'))}
      data={data}
      value={value}
      onChange={onChange}
      onSearchChange={setSearch}
      searchable
      clearable
      withAsterisk={required}
      error={error}
      nothingFoundMessage={t('cases.members.nothing')}
      filter={({ options }) => options}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

interface OneProps {
  label: string;
  value: string | null;
  onChange: (id: string | null) => void;
  error?: string | undefined;
}

/** Picks one member (the case's owner, a task's assignee). */
export function MemberSelect({ label, value, onChange, error }: OneProps) {
  const { t } = useTranslation();
  const { data, setSearch, allowed } = useMemberOptions(value ? [value] : []);
  return (
    <Select
      label={label}
      description={allowed ? t('cases.members.searchHelp') : t('cases.members.selfOnly')}
      data={data}
      value={value}
      onChange={onChange}
      onSearchChange={setSearch}
      searchable
      clearable
      error={error}
      nothingFoundMessage={t('cases.members.nothing')}
      filter={({ options }) => options}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
