import type { TLetterhead, TUpdateLetterhead } from '@dircab/contracts';
import { Alert, Button, Fieldset, Group, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notify } from '../../../ui/notify';
import { problemMessage } from '../../../ui/problem-message';
import { fieldErrors } from '../../directory/directory-rules';
import { SectionError } from './SectionError';
import { LETTERHEAD_KEY, letterheadApi } from './settings-api';

const p = 'correspondenceSettings.letterhead';

type Values = Record<Exclude<keyof TUpdateLetterhead, 'addressLines'>, string> & { addressLines: string };

const OPTIONAL = [
  'phone',
  'email',
  'website',
  'secretariatEmail',
  'secretariatPhone',
  'executiveName',
  'executiveTitle',
] as const;

function valuesOf(l: TLetterhead): Values {
  return {
    organisationName: l.organisationName,
    addressLines: l.addressLines.join('\n'),
    phone: l.phone ?? '',
    email: l.email ?? '',
    website: l.website ?? '',
    place: l.place,
    secretariatName: l.secretariatName,
    secretariatEmail: l.secretariatEmail ?? '',
    secretariatPhone: l.secretariatPhone ?? '',
    executiveName: l.executiveName ?? '',
    executiveTitle: l.executiveTitle ?? '',
    appealCourt: l.appealCourt,
  };
}

function payloadOf(v: Values): TUpdateLetterhead {
  const body: TUpdateLetterhead = {
    organisationName: v.organisationName.trim(),
    addressLines: v.addressLines
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
    place: v.place.trim(),
    secretariatName: v.secretariatName.trim(),
    appealCourt: v.appealCourt.trim(),
  };
  // An emptied field clears what was stored.
  for (const key of OPTIONAL) body[key] = v[key].trim() || null;
  return body;
}

/** The letterhead acknowledgements and replies print, and the contacts CRPA R.112-5 asks for. */
export function LetterheadPanel() {
  const { t } = useTranslation();
  const current = useQuery({ queryKey: LETTERHEAD_KEY, queryFn: letterheadApi.get });
  if (current.isError) return <SectionError error={current.error} onRetry={() => void current.refetch()} />;
  if (!current.data) return <Text>{t('common.loading')}</Text>;
  return <LetterheadForm start={current.data} />;
}

function LetterheadForm({ start }: { start: TLetterhead }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Values>(valuesOf(start));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const readOnly = start.policies.update === false;
  const save = useMutation({
    mutationFn: () => letterheadApi.save(payloadOf(values)),
    onSuccess: (saved) => {
      queryClient.setQueryData(LETTERHEAD_KEY, saved);
      notify('green', t(`${p}.saved`));
    },
    onError: (error) => setErrors(fieldErrors(error)),
  });
  const field = (key: keyof Values, required = false) => ({
    label: t(`${p}.fields.${key}`),
    required,
    readOnly,
    value: values[key],
    onChange: (e: { currentTarget: { value: string } }) => {
      const value = e.currentTarget.value;
      setValues((v) => ({ ...v, [key]: value }));
    },
    // The server names a line of the address as addressLines.2.
    error:
      errors[key] ??
      (key === 'addressLines' ? Object.entries(errors).find(([k]) => k.startsWith('addressLines.'))?.[1] : undefined),
  });
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setErrors({});
        save.mutate();
      }}
    >
      <Stack maw={900}>
        <Text c="dimmed">{t(`${p}.intro`)}</Text>
        <Text size="sm">{t(`${p}.noLogo`)}</Text>
        {save.isError && (
          <Alert color="red" role="alert" title={t(`${p}.failed`)}>
            {problemMessage(save.error, t)}
          </Alert>
        )}
        <Fieldset legend={t(`${p}.organisation`)}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput {...field('organisationName', true)} />
            <TextInput {...field('place', true)} description={t(`${p}.placeHelp`)} />
            <Textarea {...field('addressLines')} description={t(`${p}.addressHelp`)} autosize minRows={3} />
            <Stack gap="sm">
              <TextInput {...field('phone')} />
              <TextInput {...field('email')} type="email" />
              <TextInput {...field('website')} />
            </Stack>
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend={t(`${p}.secretariat`)}>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput {...field('secretariatName', true)} />
            <TextInput {...field('secretariatEmail')} type="email" />
            <TextInput {...field('secretariatPhone')} />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend={t(`${p}.signatory`)}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput {...field('executiveName')} />
            <TextInput {...field('executiveTitle')} />
          </SimpleGrid>
        </Fieldset>
        <TextInput {...field('appealCourt', true)} description={t(`${p}.appealCourtHelp`)} />
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
