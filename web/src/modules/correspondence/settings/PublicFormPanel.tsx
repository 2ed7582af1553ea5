import type { TPublicFormSettingsView } from '@dircab/contracts';
import { Alert, Button, Code, CopyButton, Group, Select, Stack, TagsInput, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../ui/me-context';
import { notify } from '../../../ui/notify';
import { problemMessage } from '../../../ui/problem-message';
import { fieldErrors } from '../../directory/directory-rules';
import { embedSnippet } from './embed-snippet';
import { SectionError } from './SectionError';
import { itemTypesApi, PUBLIC_FORM_KEY, publicFormApi, TYPES_KEY } from './settings-api';

const p = 'correspondenceSettings.publicForm';

function Copy({ value, label }: { value: string; label: string }) {
  const { t } = useTranslation();
  return (
    <CopyButton value={value}>
      {({ copied, copy }) => (
        <Button size="xs" variant="default" onClick={copy}>
          {copied ? t('common.copied') : label}
        </Button>
      )}
    </CopyButton>
  );
}

/** The town web site's request form: which sites may post it, its address, the HTML to paste. */
export function PublicFormPanel() {
  const { t } = useTranslation();
  const current = useQuery({ queryKey: PUBLIC_FORM_KEY, queryFn: publicFormApi.get });
  if (current.isError) return <SectionError error={current.error} onRetry={() => void current.refetch()} />;
  if (!current.data) return <Text>{t('common.loading')}</Text>;
  return <PublicFormSettings key={JSON.stringify(current.data)} start={current.data} />;
}

function PublicFormSettings({ start }: { start: TPublicFormSettingsView }) {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const [origins, setOrigins] = useState(start.allowedOrigins);
  const [typeId, setTypeId] = useState<string | null>(start.typeId);
  const types = useQuery({ queryKey: TYPES_KEY, queryFn: itemTypesApi.list });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const endpoint = `${window.location.origin}/api/v1/public/requests/${encodeURIComponent(me.organisation.slug)}`;
  const save = useMutation({
    mutationFn: () => publicFormApi.save({ allowedOrigins: origins.map((o) => o.trim()).filter(Boolean), typeId }),
    onSuccess: (saved) => {
      queryClient.setQueryData(PUBLIC_FORM_KEY, saved);
      notify('green', t(`${p}.saved`));
    },
    onError: (error) => setErrors(fieldErrors(error)),
  });
  // The server names the faulty site by its place in the list (allowedOrigins.1).
  const originError = Object.entries(errors).find(([k]) => k.startsWith('allowedOrigins'));
  const faulty = originError ? origins[Number(originError[0].split('.')[1])] : undefined;
  return (
    <Stack maw={900}>
      <Text c="dimmed">{t(`${p}.intro`)}</Text>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setErrors({});
          save.mutate();
        }}
      >
        <Stack>
          {save.isError && !originError && (
            <Alert color="red" role="alert">
              {problemMessage(save.error, t)}
            </Alert>
          )}
          <TagsInput
            label={t(`${p}.origins`)}
            description={t(`${p}.originsHelp`)}
            value={origins}
            onChange={setOrigins}
            splitChars={[',', ' ']}
            error={originError ? (faulty ? `${faulty} : ${originError[1]}` : originError[1]) : undefined}
          />
          <Select
            label={t(`${p}.type`)}
            description={t(`${p}.typeHelp`)}
            placeholder={t(`${p}.noType`)}
            data={(types.data?.data ?? []).map((type) => ({ value: type.id, label: type.label }))}
            value={typeId}
            onChange={setTypeId}
            clearable
            error={errors.typeId}
          />
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
      <Title order={3}>{t(`${p}.addressTitle`)}</Title>
      <Text size="sm">{t(`${p}.addressHelp`)}</Text>
      <Group gap="xs">
        <Code>{endpoint}</Code>
        <Copy value={endpoint} label={t(`${p}.copyAddress`)} />
      </Group>
      <Title order={3}>{t(`${p}.snippetTitle`)}</Title>
      <Text size="sm">{t(`${p}.snippetHelp`)}</Text>
      {/* Scrolls: a named region with a tab stop, so a keyboard reaches all of it (axe). */}
      <Code block role="region" aria-label={t(`${p}.snippetTitle`)} tabIndex={0} mah={320}>
        {embedSnippet(endpoint)}
      </Code>
      <Group>
        <Copy value={embedSnippet(endpoint)} label={t(`${p}.copySnippet`)} />
      </Group>
    </Stack>
  );
}
