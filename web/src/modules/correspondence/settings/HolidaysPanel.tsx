import type { THolidaySettings, THolidaySettingsInput } from '@dircab/contracts';
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Fieldset,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notify } from '../../../ui/notify';
import { problemMessage } from '../../../ui/problem-message';
import { TableScroller } from '../../../ui/TableScroller';
import { fieldErrors } from '../../directory/directory-rules';
import { SectionError } from './SectionError';
import { holidaysApi, holidaysKey } from './settings-api';

const p = 'correspondenceSettings.holidays';

/** The public holidays working-day deadlines skip: the year's list, the country and the town's own closing days. */
export function HolidaysPanel() {
  const { t } = useTranslation();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const current = useQuery({ queryKey: holidaysKey(year), queryFn: () => holidaysApi.get(year) });
  if (current.isError) return <SectionError error={current.error} onRetry={() => void current.refetch()} />;
  if (!current.data) return <Text>{t('common.loading')}</Text>;
  const years = [thisYear - 1, thisYear, thisYear + 1, thisYear + 2].map(String);
  return (
    <Stack>
      <Text c="dimmed" maw={760}>
        {t(`${p}.intro`)}
      </Text>
      <Select
        label={t(`${p}.year`)}
        data={years}
        value={String(year)}
        allowDeselect={false}
        onChange={(v) => v && setYear(Number(v))}
        w={160}
      />
      <DaysTable settings={current.data} />
      {/* Keyed by what was saved: the form starts again from the server's answer. */}
      <HolidaysForm
        key={JSON.stringify([current.data.country, current.data.region, current.data.closedDays])}
        start={current.data}
      />
    </Stack>
  );
}

function DaysTable({ settings }: { settings: THolidaySettings }) {
  const { t, i18n } = useTranslation();
  const days = settings.days ?? [];
  // The dates are calendar days: formatted at noon UTC, they never slip to the day before.
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'full', timeZone: 'UTC' });
  return (
    <TableScroller label={t(`${p}.tableLabel`, { year: settings.year })} minWidth={480}>
      <Table>
        <Table.Caption>{t(`${p}.caption`, { year: settings.year, count: days.length })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t(`${p}.date`)}</Table.Th>
            <Table.Th>{t(`${p}.name`)}</Table.Th>
            <Table.Th>{t(`${p}.kind`)}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {days.map((d) => (
            <Table.Tr key={`${d.date}-${d.name}`}>
              <Table.Td>{format.format(new Date(`${d.date}T12:00:00Z`))}</Table.Td>
              <Table.Td>{d.name}</Table.Td>
              <Table.Td>
                <Badge variant="outline" color="gray.8">
                  {t(`${p}.kinds.${d.kind}`)}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroller>
  );
}

type ClosedDay = THolidaySettingsInput['closedDays'][number];

function HolidaysForm({ start }: { start: THolidaySettings }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [country, setCountry] = useState(start.country);
  const [region, setRegion] = useState(start.region ?? '');
  const [closedDays, setClosedDays] = useState<ClosedDay[]>(start.closedDays);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const readOnly = start.policies.update === false;
  const save = useMutation({
    mutationFn: () =>
      holidaysApi.save({
        country: country.trim().toUpperCase(),
        region: region.trim().toUpperCase() || null,
        closedDays: closedDays.map((d) => ({ ...d, label: d.label.trim() })),
      }),
    onSuccess: async () => {
      notify('green', t(`${p}.saved`));
      await queryClient.invalidateQueries({ queryKey: ['settings', 'holidays'] });
    },
    onError: (error) => setErrors(fieldErrors(error)),
  });
  const change = (i: number, patch: Partial<ClosedDay>) =>
    setClosedDays((days) => days.map((d, j) => (j === i ? { ...d, ...patch } : d)));
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setErrors({});
        save.mutate();
      }}
    >
      <Fieldset legend={t(`${p}.calendar`)} maw={900}>
        <Stack>
          {start.source === 'default' && <Text size="sm">{t(`${p}.defaultSource`)}</Text>}
          {save.isError && (
            <Alert color="red" role="alert" title={t(`${p}.failed`)}>
              {problemMessage(save.error, t)}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t(`${p}.country`)}
              description={t(`${p}.countryHelp`)}
              required
              readOnly={readOnly}
              value={country}
              onChange={(e) => setCountry(e.currentTarget.value)}
              error={errors.country}
            />
            <TextInput
              label={t(`${p}.region`)}
              description={t(`${p}.regionHelp`)}
              readOnly={readOnly}
              value={region}
              onChange={(e) => setRegion(e.currentTarget.value)}
              error={errors.region}
            />
          </SimpleGrid>
          <Text fw={500}>{t(`${p}.closedDays`)}</Text>
          {closedDays.length === 0 && <Text size="sm">{t(`${p}.noClosedDays`)}</Text>}
          {closedDays.map((day, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id until saved; the index is their place in the list
            <Group key={i} align="flex-end">
              <TextInput
                type="date"
                label={t(`${p}.closedDate`, { n: i + 1 })}
                required
                readOnly={readOnly}
                value={day.date}
                onChange={(e) => change(i, { date: e.currentTarget.value })}
                error={errors[`closedDays.${i}.date`]}
              />
              <TextInput
                label={t(`${p}.closedLabel`, { n: i + 1 })}
                required
                readOnly={readOnly}
                value={day.label}
                onChange={(e) => change(i, { label: e.currentTarget.value })}
                error={errors[`closedDays.${i}.label`]}
              />
              <Checkbox
                label={t(`${p}.everyYear`)}
                disabled={readOnly}
                checked={day.everyYear}
                onChange={(e) => change(i, { everyYear: e.currentTarget.checked })}
                mb={8}
              />
              {!readOnly && (
                <Button variant="default" onClick={() => setClosedDays((days) => days.filter((_, j) => j !== i))}>
                  {t(`${p}.removeDay`, { n: i + 1 })}
                </Button>
              )}
            </Group>
          ))}
          {!readOnly && (
            <Group>
              <Button
                variant="default"
                leftSection={<IconPlus size={18} aria-hidden />}
                onClick={() => setClosedDays((days) => [...days, { date: '', label: '', everyYear: true }])}
              >
                {t(`${p}.addDay`)}
              </Button>
              <Button type="submit" loading={save.isPending}>
                {t('common.save')}
              </Button>
            </Group>
          )}
        </Stack>
      </Fieldset>
    </form>
  );
}
