import { Alert, Button, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  membersApi,
  ORGANISATION_KEY,
  type TOrganisationChanges,
  type TOrganisationWithPolicies,
} from '../../app/api/members-api';
import { ME_KEY } from '../../app/api/use-me';
import { notify } from '../../ui/notify';
import { problemMessage } from '../../ui/problem-message';

interface Props {
  organisation: TOrganisationWithPolicies;
}

const FIELDS = ['name', 'officialCode', 'timeZone', 'currency', 'locale'] as const;

/** The organisation's settings; read-only for whoever its policies do not let update. */
export function OrganisationForm({ organisation }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const readOnly = organisation.policies.update !== true;
  const zones = useMemo(() => Intl.supportedValuesOf('timeZone'), []);
  const form = useForm({
    initialValues: {
      name: organisation.name,
      officialCode: organisation.officialCode,
      timeZone: organisation.timeZone,
      currency: organisation.currency,
      locale: organisation.locale,
    },
    validate: {
      name: (v) => (v.trim().length >= 2 ? null : t('admin.organisation.nameInvalid')),
      officialCode: (v) => (v.trim().length >= 2 ? null : t('admin.organisation.codeInvalid')),
      currency: (v) => (/^[A-Z]{3}$/.test(v) ? null : t('admin.organisation.currencyInvalid')),
      locale: (v) => (v.length >= 2 && v.length <= 10 ? null : t('admin.organisation.localeInvalid')),
    },
  });
  const save = useMutation({
    mutationFn: membersApi.updateOrganisation,
    onSuccess: async () => {
      notify('green', t('admin.organisation.saved'));
      // The name shows in the header and the time zone drives every date: refresh both.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ORGANISATION_KEY }),
        queryClient.invalidateQueries({ queryKey: ME_KEY }),
        queryClient.invalidateQueries({ queryKey: ['audit'] }),
      ]);
    },
  });

  const submit = form.onSubmit((values) => {
    const changes: TOrganisationChanges = {};
    for (const key of FIELDS) {
      const value = values[key].trim();
      if (value !== organisation[key]) changes[key] = value;
    }
    if (Object.keys(changes).length > 0) save.mutate(changes);
  });

  return (
    <form onSubmit={submit} noValidate aria-label={t('admin.organisation.title')}>
      <Stack maw={720}>
        {save.isError && (
          <Alert color="red" role="alert" title={t('admin.organisation.failed')}>
            {problemMessage(save.error, t)}
          </Alert>
        )}
        <TextInput label={t('admin.organisation.name')} readOnly={readOnly} required {...form.getInputProps('name')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('admin.organisation.officialCode')}
            description={t('admin.organisation.officialCodeHelp')}
            readOnly={readOnly}
            {...form.getInputProps('officialCode')}
          />
          <Select
            label={t('admin.organisation.timeZone')}
            data={zones}
            searchable
            allowDeselect={false}
            readOnly={readOnly}
            {...form.getInputProps('timeZone')}
          />
          <TextInput
            label={t('admin.organisation.currency')}
            description={t('admin.organisation.currencyHelp')}
            readOnly={readOnly}
            maxLength={3}
            {...form.getInputProps('currency')}
          />
          <TextInput
            label={t('admin.organisation.locale')}
            description={t('admin.organisation.localeHelp')}
            readOnly={readOnly}
            {...form.getInputProps('locale')}
          />
        </SimpleGrid>
        {!readOnly && (
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
