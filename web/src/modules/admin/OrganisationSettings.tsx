import { Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { membersApi, ORGANISATION_KEY } from '../../app/api/members-api';
import { ErrorState } from '../../ui/ErrorState';
import { OrganisationForm } from './OrganisationForm';

export function OrganisationSettings() {
  const { t } = useTranslation();
  const organisation = useQuery({ queryKey: ORGANISATION_KEY, queryFn: membersApi.organisation });
  if (organisation.isPending) return <Text>{t('common.loading')}</Text>;
  if (organisation.isError)
    return <ErrorState error={organisation.error} onRetry={() => void organisation.refetch()} />;
  return <OrganisationForm key={JSON.stringify(organisation.data)} organisation={organisation.data} />;
}
