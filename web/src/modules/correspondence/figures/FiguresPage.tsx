import { Alert, Button, Group, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../../../app/api/http';
import { ErrorState } from '../../../ui/ErrorState';
import { useMe } from '../../../ui/me-context';
import { usePageTitle } from '../../../ui/use-page-title';
import { fieldErrors } from '../../directory/directory-rules';
import { todayIn } from '../correspondence-rules';
import { canReadFigures } from '../settings/settings-roles';
import { CountsTable } from './CountsTable';
import { FiguresSummary } from './FiguresSummary';
import { FiguresTable } from './FiguresTable';
import { fetchFigures, figuresKey } from './figures-api';
import { PERIOD_PRESETS, type Period, type PeriodPreset, presetPeriod } from './periods';

const p = 'correspondenceFigures';

/** Response-time figures (/correspondence/figures): per service and per item type, for a period. */
export function FiguresPage() {
  const { t } = useTranslation();
  usePageTitle(t(`${p}.title`));
  const me = useMe();
  const today = todayIn(me.organisation.timeZone);
  // The period stands in the address: a figure can be sent to a colleague as a link.
  const [params, setParams] = useSearchParams();
  const fallback = presetPeriod('thisMonth', today);
  const period: Period = { from: params.get('from') ?? fallback.from, to: params.get('to') ?? fallback.to };
  const setPeriod = (next: Period) => setParams({ from: next.from, to: next.to }, { replace: true });
  const [preset, setPreset] = useState<PeriodPreset | 'custom'>(params.has('from') ? 'custom' : 'thisMonth');
  const [draft, setDraft] = useState<Period>(period);
  const allowed = canReadFigures(me.role);
  const figures = useQuery({
    queryKey: figuresKey(period.from, period.to),
    queryFn: () => fetchFigures(period.from, period.to),
    enabled: allowed,
    retry: false,
  });
  const errors = figures.isError ? fieldErrors(figures.error) : {};
  const badPeriod = figures.error instanceof ApiError && figures.error.status === 400;

  return (
    <Stack gap="lg">
      <Link to="/correspondence">{t('correspondence.backToInbox')}</Link>
      <Title order={1}>{t(`${p}.title`)}</Title>
      {!allowed ? (
        <Alert color="red" role="alert" title={t(`${p}.forbiddenTitle`)}>
          {t(`${p}.forbidden`)}
        </Alert>
      ) : (
        <>
          <Text c="dimmed" maw={760}>
            {t(`${p}.intro`)}
          </Text>
          <form
            aria-label={t(`${p}.periodForm`)}
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              setPeriod(draft);
            }}
          >
            <Group align="flex-start">
              <Select
                label={t(`${p}.preset`)}
                data={[
                  ...PERIOD_PRESETS.map((x) => ({ value: x, label: t(`${p}.presets.${x}`) })),
                  { value: 'custom', label: t(`${p}.presets.custom`) },
                ]}
                value={preset}
                allowDeselect={false}
                onChange={(v) => {
                  if (!v) return;
                  setPreset(v as PeriodPreset | 'custom');
                  if (v !== 'custom') {
                    const next = presetPeriod(v as PeriodPreset, today);
                    setDraft(next);
                    setPeriod(next);
                  }
                }}
              />
              <TextInput
                type="date"
                label={t(`${p}.from`)}
                value={draft.from}
                onChange={(e) => {
                  const from = e.currentTarget.value;
                  setPreset('custom');
                  setDraft((d) => ({ ...d, from }));
                }}
                error={errors.from}
              />
              <TextInput
                type="date"
                label={t(`${p}.to`)}
                value={draft.to}
                onChange={(e) => {
                  const to = e.currentTarget.value;
                  setPreset('custom');
                  setDraft((d) => ({ ...d, to }));
                }}
                error={errors.to}
              />
              <Button type="submit" mt={25}>
                {t(`${p}.show`)}
              </Button>
            </Group>
          </form>
          {figures.isError && !badPeriod && <ErrorState error={figures.error} onRetry={() => void figures.refetch()} />}
          {figures.isPending && <Text>{t('common.loading')}</Text>}
          {figures.data && (
            <Stack gap="xl">
              <FiguresSummary total={figures.data.total} from={figures.data.from} to={figures.data.to} />
              {figures.data.total.received === 0 ? (
                <Text>{t(`${p}.empty`)}</Text>
              ) : (
                <SimpleGrid cols={1} spacing="xl">
                  <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
                    <section aria-labelledby="figures-by-status">
                      <Title order={2} id="figures-by-status" mb="sm">
                        {t(`${p}.byStatus`)}
                      </Title>
                      <CountsTable
                        caption={t(`${p}.byStatusCaption`)}
                        groupLabel={t(`${p}.status`)}
                        total={figures.data.total.received}
                        rows={figures.data.byStatus.map((x) => ({
                          label: t(`correspondence.statuses.${x.status}`),
                          count: x.count,
                        }))}
                      />
                    </section>
                    <section aria-labelledby="figures-by-channel">
                      <Title order={2} id="figures-by-channel" mb="sm">
                        {t(`${p}.byChannel`)}
                      </Title>
                      <CountsTable
                        caption={t(`${p}.byChannelCaption`)}
                        groupLabel={t(`${p}.channel`)}
                        total={figures.data.total.received}
                        rows={figures.data.byChannel.map((x) => ({
                          label: t(`correspondence.channels.${x.channel}`),
                          count: x.count,
                        }))}
                      />
                    </section>
                  </SimpleGrid>
                  <section aria-labelledby="figures-by-service">
                    <Title order={2} id="figures-by-service" mb="sm">
                      {t(`${p}.byService`)}
                    </Title>
                    <FiguresTable
                      caption={t(`${p}.byServiceCaption`)}
                      groupLabel={t(`${p}.service`)}
                      rows={figures.data.byService}
                    />
                  </section>
                  <section aria-labelledby="figures-by-type">
                    <Title order={2} id="figures-by-type" mb="sm">
                      {t(`${p}.byType`)}
                    </Title>
                    <FiguresTable
                      caption={t(`${p}.byTypeCaption`)}
                      groupLabel={t(`${p}.type`)}
                      rows={figures.data.byType}
                    />
                  </section>
                </SimpleGrid>
              )}
              <Text size="sm" c="dimmed">
                {t(`${p}.definitions`)}
              </Text>
            </Stack>
          )}
        </>
      )}
    </Stack>
  );
}
