import { MultiSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type MemberPickerProps, useMemberOptions } from './MemberPicker';

// Apart from MemberSelect, which the inbox's filters use: Mantine's MultiSelect stays out
// of the first screens (issue 7).
/** Several members (a political group's staff), searchable by name. */
export function MemberMultiSelect({
  value,
  onChange,
  ...common
}: MemberPickerProps & { value: string[]; onChange: (userIds: string[]) => void }) {
  const { t } = useTranslation();
  const options = useMemberOptions(value, common.memberRole);
  return (
    <MultiSelect
      label={common.label}
      description={common.description}
      error={common.error}
      searchable
      searchValue={options.search}
      onSearchChange={options.setSearch}
      filter={({ options: all }) => all}
      data={options.data}
      nothingFoundMessage={options.loading ? t('common.loading') : t('memberPicker.none')}
      value={value}
      onChange={onChange}
    />
  );
}
