import { Alert, Anchor, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorState } from '../../ui/ErrorState';
import { useMe } from '../../ui/me-context';
import { notify } from '../../ui/notify';
import { usePageTitle } from '../../ui/use-page-title';
import { correspondenceApi, itemKey } from './correspondence-api';
import { itemPath } from './correspondence-rules';
import { RegistrationForm } from './RegistrationForm';
import { toUpdateBody, valuesOf } from './registration-values';

/** Correcting a registered item (before routing: then the processing actions take over). */
export function EditItemPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useMe();
  const navigate = useNavigate();
  const timeZone = me.organisation.timeZone;
  const item = useQuery({ queryKey: itemKey(id), queryFn: () => correspondenceApi.item(id), retry: false });
  usePageTitle(t('correspondence.edit.title'));
  if (item.isError) return <ErrorState error={item.error} />;
  if (!item.data) return <Text>{t('common.loading')}</Text>;
  return (
    <Stack gap="lg" maw={960}>
      <Anchor component={Link} to={itemPath(id)} size="sm">
        {t('correspondence.edit.back', { number: item.data.registrationNumber })}
      </Anchor>
      <Title order={1}>{t('correspondence.edit.heading', { number: item.data.registrationNumber })}</Title>
      {item.data.policies.update ? (
        <RegistrationForm
          initial={valuesOf(item.data, timeZone)}
          submitLabel={t('common.save')}
          onSave={(values) => correspondenceApi.update(id, toUpdateBody(values, timeZone))}
          onSaved={() => {
            notify('green', t('correspondence.edit.saved'));
            navigate(itemPath(id));
          }}
        />
      ) : (
        <Alert color="gray" role="alert">
          {t('correspondence.edit.locked')}
        </Alert>
      )}
    </Stack>
  );
}
