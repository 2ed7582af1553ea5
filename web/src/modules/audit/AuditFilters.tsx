import { Autocomplete, Button, Group, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface AuditFilterValues {
  recordType: string;
  recordId: string;
  actorId: string | null;
  from: string;
  to: string;
}

export const EMPTY_FILTERS: AuditFilterValues = { recordType: '', recordId: '', actorId: null, from: '', to: '' };

// Record types written today; the field still takes any other (modules will add theirs).
const KNOWN_RECORD_TYPES = ['member', 'organisation'];

interface Props {
  initial: AuditFilterValues;
  actors: { value: string; label: string }[];
  /** The authors' list comes from its own request: said when it is not there yet. */
  actorsState?: 'loading' | 'error' | 'ready';
  onApply: (values: AuditFilterValues) => void;
}

export function AuditFilters({ initial, actors, actorsState = 'ready', onApply }: Props) {
  const { t } = useTranslation();
  const [values, setValues] = useState(initial);
  const set = <K extends keyof AuditFilterValues>(key: K, value: AuditFilterValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));

  return (
    <form
      aria-label={t('audit.filters')}
      onSubmit={(e) => {
        e.preventDefault();
        onApply(values);
      }}
    >
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }} spacing="sm">
        <Autocomplete
          label={t('audit.recordType')}
          data={KNOWN_RECORD_TYPES.map((type) => ({ value: type, label: type }))}
          value={values.recordType}
          onChange={(v) => set('recordType', v)}
        />
        <TextInput
          label={t('audit.recordId')}
          value={values.recordId}
          onChange={(e) => set('recordId', e.currentTarget.value)}
        />
        <Select
          label={t('audit.actor')}
          data={actors}
          value={values.actorId}
          onChange={(v) => set('actorId', v)}
          clearable
          searchable
          limit={100}
          nothingFoundMessage={actorsState === 'loading' ? t('common.loading') : t('audit.noActor')}
          error={actorsState === 'error' ? t('audit.actorsFailed') : undefined}
        />
        <TextInput
          label={t('audit.from')}
          type="date"
          value={values.from}
          onChange={(e) => set('from', e.currentTarget.value)}
        />
        <TextInput
          label={t('audit.to')}
          type="date"
          value={values.to}
          onChange={(e) => set('to', e.currentTarget.value)}
        />
      </SimpleGrid>
      <Group mt="sm">
        <Button type="submit">{t('audit.apply')}</Button>
        <Button
          variant="default"
          onClick={() => {
            setValues(EMPTY_FILTERS);
            onApply(EMPTY_FILTERS);
          }}
        >
          {t('audit.reset')}
        </Button>
      </Group>
    </form>
  );
}
