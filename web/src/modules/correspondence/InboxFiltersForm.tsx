import {
  CORRESPONDENCE_CHANNELS,
  CORRESPONDENCE_DIRECTIONS,
  CORRESPONDENCE_STATUSES,
  type TCorrespondenceChannel,
  type TCorrespondenceDirection,
  type TCorrespondenceStatus,
} from '@dircab/contracts';
import { Autocomplete, Button, Group, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../ui/me-context';
import { allTerritories, TERRITORIES_KEY } from '../directory/directory-api';
import { MemberSelect } from '../directory/officials/MemberPicker';
import { correspondenceApi, TYPES_KEY } from './correspondence-api';
import { canLookUpMembers, canRegister } from './correspondence-rules';
import { EMPTY_INBOX_FILTERS, hasFilters, type InboxFilters } from './inbox-filters';
import { TagFilter } from './tags/TagFilter';
import { useServiceOptions, useServiceTopics } from './use-services';

interface Props {
  /** The filters applied (from the URL); the form starts from them. */
  value: InboxFilters;
  onApply: (next: InboxFilters) => void;
}

/** The inbox's filters, applied together (one list request, one URL change). */
export function InboxFiltersForm({ value, onApply }: Props) {
  const { t } = useTranslation();
  const me = useMe();
  const [draft, setDraft] = useState<InboxFilters>(value);
  const services = useServiceOptions();
  const topics = useServiceTopics();
  const types = useQuery({ queryKey: TYPES_KEY, queryFn: correspondenceApi.types, staleTime: 5 * 60_000 });
  const territories = useQuery({ queryKey: TERRITORIES_KEY, queryFn: allTerritories, staleTime: 60_000 });
  const set = <K extends keyof InboxFilters>(key: K, v: InboxFilters[K]) => setDraft((d) => ({ ...d, [key]: v }));

  return (
    <form
      aria-label={t('correspondence.filters.label')}
      onSubmit={(e) => {
        e.preventDefault();
        onApply(draft);
      }}
    >
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
        <TextInput
          label={t('correspondence.filters.q')}
          description={t('correspondence.filters.qHelp')}
          type="search"
          value={draft.q}
          onChange={(e) => set('q', e.currentTarget.value)}
        />
        <Select
          label={t('correspondence.fields.status')}
          data={CORRESPONDENCE_STATUSES.map((s) => ({ value: s, label: t(`correspondence.statuses.${s}`) }))}
          value={draft.status || null}
          onChange={(v) => set('status', (v ?? '') as TCorrespondenceStatus | '')}
          clearable
        />
        <Select
          label={t('correspondence.fields.channel')}
          data={CORRESPONDENCE_CHANNELS.map((c) => ({ value: c, label: t(`correspondence.channels.${c}`) }))}
          value={draft.channel || null}
          onChange={(v) => set('channel', (v ?? '') as TCorrespondenceChannel | '')}
          clearable
        />
        <Select
          label={t('correspondence.fields.direction')}
          data={CORRESPONDENCE_DIRECTIONS.map((d) => ({ value: d, label: t(`correspondence.directions.${d}`) }))}
          value={draft.direction || null}
          onChange={(v) => set('direction', (v ?? '') as TCorrespondenceDirection | '')}
          clearable
        />
        <Select
          label={t('correspondence.fields.type')}
          data={(types.data?.data ?? []).map((x) => ({ value: x.id, label: x.label }))}
          value={draft.typeId || null}
          onChange={(v) => set('typeId', v ?? '')}
          clearable
        />
        <Select
          label={t('correspondence.fields.territory')}
          data={(territories.data ?? []).map((x) => ({ value: x.id, label: x.name }))}
          value={draft.territoryId || null}
          onChange={(v) => set('territoryId', v ?? '')}
          clearable
          searchable
          nothingFoundMessage={t('correspondence.filters.nothing')}
        />
        <Select
          label={t('correspondence.filters.service')}
          data={services}
          value={draft.serviceId || null}
          onChange={(v) => set('serviceId', v ?? '')}
          clearable
          searchable
          nothingFoundMessage={t('correspondence.filters.nothing')}
        />
        {canLookUpMembers(me.role) && (
          <MemberSelect
            label={t('correspondence.filters.person')}
            value={draft.userId || null}
            onChange={(v) => set('userId', v ?? '')}
          />
        )}
        <Autocomplete
          label={t('correspondence.fields.topic')}
          data={topics}
          value={draft.topic}
          onChange={(v) => set('topic', v)}
        />
        <TagFilter value={draft.tag} onChange={(v) => set('tag', v)} suggest={canRegister(me.role)} />
        <TextInput
          label={t('correspondence.filters.from')}
          type="date"
          value={draft.from}
          onChange={(e) => set('from', e.currentTarget.value)}
        />
        <TextInput
          label={t('correspondence.filters.to')}
          type="date"
          value={draft.to}
          onChange={(e) => set('to', e.currentTarget.value)}
        />
      </SimpleGrid>
      <Group mt="sm">
        <Button type="submit">{t('correspondence.filters.apply')}</Button>
        {(hasFilters(value) || hasFilters(draft)) && (
          <Button
            variant="default"
            onClick={() => {
              const cleared = { ...EMPTY_INBOX_FILTERS, queue: value.queue };
              setDraft(cleared);
              onApply(cleared);
            }}
          >
            {t('correspondence.filters.reset')}
          </Button>
        )}
      </Group>
    </form>
  );
}
