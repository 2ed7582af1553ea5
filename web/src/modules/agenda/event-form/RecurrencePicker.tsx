import { Chip, Group, NumberInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  FREQUENCIES,
  type Frequency,
  type RecurrenceEnd,
  type SimpleRecurrence,
  WEEKDAYS,
  type Weekday,
} from './simple-rrule';

interface Props {
  value: SimpleRecurrence;
  onChange: (value: SimpleRecurrence) => void;
  error?: string | undefined;
}

/** None, every day, some days of the week, every month; until a day or a number of times. */
export function RecurrencePicker({ value, onChange, error }: Props) {
  const { t } = useTranslation();
  // Any change through the picker replaces a rule it could not show.
  const set = (changes: Partial<SimpleRecurrence>) => onChange({ ...value, ...changes, custom: null });
  return (
    <Stack gap="xs">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('agenda.form.recurrence')}
          data={FREQUENCIES.map((f) => ({ value: f, label: t(`agenda.form.frequencies.${f}`) }))}
          value={value.frequency}
          onChange={(v) => set({ frequency: (v ?? 'none') as Frequency })}
          allowDeselect={false}
          error={error}
        />
        {value.frequency !== 'none' && (
          <NumberInput
            label={t(`agenda.form.interval.${value.frequency}`)}
            min={1}
            max={52}
            value={value.interval}
            onChange={(v) => set({ interval: Math.max(1, Number(v) || 1) })}
          />
        )}
      </SimpleGrid>
      {value.custom && (
        <Text size="sm" c="dimmed">
          {t('agenda.form.customRule', { rule: value.custom })}
        </Text>
      )}
      {value.frequency === 'weekly' && (
        <Stack gap={4}>
          <Text size="sm" fw={500} id="agenda-weekdays-label">
            {t('agenda.form.weekdays')}
          </Text>
          <Chip.Group multiple value={value.weekdays} onChange={(v) => set({ weekdays: v as Weekday[] })}>
            <Group gap={4} role="group" aria-labelledby="agenda-weekdays-label">
              {WEEKDAYS.map((d) => (
                <Chip key={d} value={d} size="xs" variant="outline">
                  {t(`agenda.form.days.${d}`)}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
        </Stack>
      )}
      {value.frequency !== 'none' && (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('agenda.form.recurrenceEnd')}
            data={(['never', 'until', 'count'] as const).map((e) => ({ value: e, label: t(`agenda.form.ends.${e}`) }))}
            value={value.end}
            onChange={(v) => set({ end: (v ?? 'never') as RecurrenceEnd })}
            allowDeselect={false}
          />
          {value.end === 'until' && (
            <TextInput
              type="date"
              label={t('agenda.form.until')}
              value={value.until}
              onChange={(e) => set({ until: e.currentTarget.value })}
            />
          )}
          {value.end === 'count' && (
            <NumberInput
              label={t('agenda.form.count')}
              min={1}
              max={500}
              value={value.count}
              onChange={(v) => set({ count: Math.max(1, Number(v) || 1) })}
            />
          )}
        </SimpleGrid>
      )}
    </Stack>
  );
}
