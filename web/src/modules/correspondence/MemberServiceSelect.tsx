import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useServiceOptions } from './use-services';

interface Props {
  value: string | null;
  onChange: (serviceId: string | null) => void;
}

/**
 * The directory service a `services` user works in (the member forms of the admin): what is
 * routed to that service reaches them.
 */
export function MemberServiceSelect({ value, onChange }: Props) {
  const { t } = useTranslation();
  const services = useServiceOptions();
  return (
    <Select
      label={t('correspondence.member.service')}
      description={t('correspondence.member.serviceHelp')}
      data={services}
      value={value}
      onChange={onChange}
      clearable
      searchable
      nothingFoundMessage={t('correspondence.filters.nothing')}
    />
  );
}
