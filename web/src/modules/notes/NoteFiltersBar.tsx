import { NOTE_KINDS, NOTE_STATUSES, type TNoteKind, type TNoteStatus } from '@dircab/contracts';
import { Button, Group, SegmentedControl, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { NoteFilters } from './notes-api';

interface Props {
  value: NoteFilters;
  onChange: (next: NoteFilters) => void;
}

/** Whose notes (all, mine, addressed to me, to review), their status and kind. */
export function NoteFiltersBar({ value, onChange }: Props) {
  const { t } = useTranslation();
  const toReview = value.status === 'in_review';
  return (
    <Group align="flex-end" wrap="wrap">
      <SegmentedControl
        aria-label={t('notes.filters.view')}
        value={value.view}
        onChange={(view) => onChange({ ...value, view: view as NoteFilters['view'] })}
        data={(['all', 'mine', 'addressed'] as const).map((v) => ({ value: v, label: t(`notes.filters.views.${v}`) }))}
      />
      <Button
        variant={toReview ? 'filled' : 'default'}
        aria-pressed={toReview}
        onClick={() => onChange({ ...value, status: toReview ? null : 'in_review' })}
      >
        {t('notes.filters.toReview')}
      </Button>
      <Select
        label={t('notes.fields.status')}
        placeholder={t('notes.filters.any')}
        data={NOTE_STATUSES.map((s) => ({ value: s, label: t(`notes.statuses.${s}`) }))}
        value={value.status}
        onChange={(status) => onChange({ ...value, status: status as TNoteStatus | null })}
        clearable
        w={200}
      />
      <Select
        label={t('notes.fields.kind')}
        placeholder={t('notes.filters.any')}
        data={NOTE_KINDS.map((k) => ({ value: k, label: t(`notes.kinds.${k}`) }))}
        value={value.kind}
        onChange={(kind) => onChange({ ...value, kind: kind as TNoteKind | null })}
        clearable
        w={240}
      />
    </Group>
  );
}
