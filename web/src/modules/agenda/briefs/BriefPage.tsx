import type { TAssembledBrief, TBrief } from '@dircab/contracts';
import {
  Alert,
  Anchor,
  Button,
  Grid,
  Group,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../../app/api/http';
import { ErrorState } from '../../../ui/ErrorState';
import { useMe } from '../../../ui/me-context';
import { notify } from '../../../ui/notify';
import { problemMessage } from '../../../ui/problem-message';
import { usePageTitle } from '../../../ui/use-page-title';
import { allTerritories, TERRITORIES_KEY } from '../../directory/directory-api';
import { BriefSheet } from './BriefSheet';
import { htmlToText, textToHtml } from './brief-text';
import { assembledBriefKey, briefFileUrl, briefPrintPath, briefsApi } from './briefs-api';

/** The trip brief of an event: the secretariat writes it, a head of the cabinet validates it. */
export function BriefPage() {
  const { t } = useTranslation();
  const { eventId = '' } = useParams();
  const assembled = useQuery({
    queryKey: assembledBriefKey(eventId),
    queryFn: () => briefsApi.assembled(eventId),
    retry: false,
  });
  usePageTitle(assembled.data ? `${t('agendaBriefs.title')} · ${assembled.data.event.title}` : t('agendaBriefs.title'));
  if (assembled.error instanceof ApiError && [400, 404].includes(assembled.error.status)) {
    return (
      <Stack align="flex-start">
        <Title order={1}>{t('agendaBriefs.notFound')}</Title>
        <Anchor component={Link} to="/agenda">
          {t('agendaBriefs.backToAgenda')}
        </Anchor>
      </Stack>
    );
  }
  if (assembled.isError) return <ErrorState error={assembled.error} onRetry={() => void assembled.refetch()} />;
  if (!assembled.data) return <Text>{t('common.loading')}</Text>;
  return <BriefEditor key={assembled.data.brief.updatedAt ?? 'new'} assembled={assembled.data} />;
}

function BriefEditor({ assembled }: { assembled: TAssembledBrief }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const timeZone = useMe().organisation.timeZone;
  const { brief, event } = assembled;
  const [values, setValues] = useState(() => ({
    talkingPoints: htmlToText(brief.talkingPoints),
    driver: brief.driver ?? '',
    gift: brief.gift ?? '',
    logistics: htmlToText(brief.logistics),
    protocolRemarks: htmlToText(brief.protocolRemarks),
    territoryId: brief.territoryId,
  }));
  const [error, setError] = useState<string | null>(null);
  const set = (key: keyof typeof values, value: string | null) => setValues((v) => ({ ...v, [key]: value }));
  const territories = useQuery({ queryKey: TERRITORIES_KEY, queryFn: allTerritories, staleTime: 60_000 });
  const refreshed = (next: TBrief) => {
    queryClient.setQueryData(assembledBriefKey(event.id), { ...assembled, brief: next });
    // The neighbourhood's requests are the server's to read again.
    if (next.territoryId !== brief.territoryId) {
      void queryClient.invalidateQueries({ queryKey: assembledBriefKey(event.id) });
    }
  };
  const save = useMutation({
    mutationFn: () =>
      briefsApi.update(event.id, {
        talkingPoints: textToHtml(values.talkingPoints),
        driver: values.driver.trim() || null,
        gift: values.gift.trim() || null,
        logistics: textToHtml(values.logistics),
        protocolRemarks: textToHtml(values.protocolRemarks),
        territoryId: values.territoryId,
      }),
    onSuccess: (next) => {
      refreshed(next);
      notify('green', t('agendaBriefs.saved'));
    },
    onError: (e) => setError(problemMessage(e, t)),
  });
  const validate = useMutation({
    mutationFn: () => briefsApi.validate(event.id),
    onSuccess: (next) => {
      refreshed(next);
      notify('green', t('agendaBriefs.validatedDone'));
    },
    onError: (e) => setError(problemMessage(e, t)),
  });
  const editable = brief.policies.update === true;
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/agenda" size="sm">
        {t('agendaBriefs.backToAgenda')}
      </Anchor>
      <Title order={1}>
        {t('agendaBriefs.title')} · {event.title}
      </Title>
      <Group gap="xs">
        <Button component={Link} to={briefPrintPath(event.id)} variant="default">
          {t('agendaBriefs.print')}
        </Button>
        {(['pdf', 'docx', 'odt'] as const).map((format) => (
          <Button key={format} component="a" href={briefFileUrl(event.id, format)} download variant="default">
            {t('agendaBriefs.download', { format: format.toUpperCase() })}
          </Button>
        ))}
        {brief.policies.validate && (
          <Button onClick={() => validate.mutate()} loading={validate.isPending}>
            {t('agendaBriefs.validate')}
          </Button>
        )}
      </Group>
      {error && (
        <Alert color="red.9" variant="outline" role="alert">
          {error}
        </Alert>
      )}
      <Grid gap="lg">
        {editable && (
          <Grid.Col span={{ base: 12, lg: 6 }}>
            <Paper component="section" withBorder p="md" aria-labelledby="brief-editor">
              <Title order={2} size="h4" id="brief-editor" mb="sm">
                {t('agendaBriefs.editor')}
              </Title>
              <form
                noValidate
                onSubmit={(e) => {
                  e.preventDefault();
                  setError(null);
                  save.mutate();
                }}
              >
                <Stack gap="sm">
                  {brief.status === 'validated' && <Text size="sm">{t('agendaBriefs.editBackToDraft')}</Text>}
                  <Select
                    label={t('agendaBriefs.fields.territory')}
                    description={t('agendaBriefs.fields.territoryHint')}
                    data={(territories.data ?? []).map((x) => ({ value: x.id, label: x.name }))}
                    value={values.territoryId}
                    onChange={(id) => set('territoryId', id)}
                    clearable
                    searchable
                    comboboxProps={{ withinPortal: true }}
                  />
                  <Textarea
                    label={t('agendaBriefs.fields.talkingPoints')}
                    description={t('agendaBriefs.fields.talkingPointsHint')}
                    autosize
                    minRows={4}
                    value={values.talkingPoints}
                    onChange={(e) => set('talkingPoints', e.currentTarget.value)}
                  />
                  <Group grow align="flex-start">
                    <TextInput
                      label={t('agendaBriefs.fields.driver')}
                      value={values.driver}
                      maxLength={200}
                      onChange={(e) => set('driver', e.currentTarget.value)}
                    />
                    <TextInput
                      label={t('agendaBriefs.fields.gift')}
                      value={values.gift}
                      maxLength={500}
                      onChange={(e) => set('gift', e.currentTarget.value)}
                    />
                  </Group>
                  <Textarea
                    label={t('agendaBriefs.fields.logistics')}
                    autosize
                    minRows={2}
                    value={values.logistics}
                    onChange={(e) => set('logistics', e.currentTarget.value)}
                  />
                  <Textarea
                    label={t('agendaBriefs.fields.protocolRemarks')}
                    autosize
                    minRows={2}
                    value={values.protocolRemarks}
                    onChange={(e) => set('protocolRemarks', e.currentTarget.value)}
                  />
                  <Button type="submit" loading={save.isPending} style={{ alignSelf: 'flex-start' }}>
                    {t('agendaBriefs.save')}
                  </Button>
                </Stack>
              </form>
            </Paper>
          </Grid.Col>
        )}
        <Grid.Col span={{ base: 12, lg: editable ? 6 : 12 }}>
          <Paper withBorder p="md">
            <BriefSheet assembled={assembled} timeZone={timeZone} headingOrder={2} />
          </Paper>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
