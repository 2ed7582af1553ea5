import { MANDATE_FUNCTIONS, type TMandateFunction } from '@dircab/contracts';
import { Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../ui/me-context';
import { GROUPS_KEY, officialsApi } from './officials-api';
import { canSeeAffiliations } from './officials-rules';

/** The contacts list's officials filters (empty string: no filter). */
export interface MandateFilters {
  groupId: string;
  mandate: TMandateFunction | '';
}

export const EMPTY_MANDATE_FILTERS: MandateFilters = { groupId: '', mandate: '' };

/** The list's API address with the group and mandate filters added when set. */
export function withMandateFilters(url: string, filters: MandateFilters): string {
  const parsed = new URL(url, 'http://localhost');
  if (filters.groupId) parsed.searchParams.set('groupId', filters.groupId);
  if (filters.mandate) parsed.searchParams.set('mandate', filters.mandate);
  return `${parsed.pathname}${parsed.search}`;
}

/**
 * The group select (cabinet roles only: the API refuses the filter to others, affiliation being
 * sensitive) and the mandate select, beside the list's other filters.
 */
export function MandateFilterSelects({
  value,
  onChange,
}: {
  value: MandateFilters;
  onChange: (next: MandateFilters) => void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const seesGroups = canSeeAffiliations(me.role);
  const groups = useQuery({
    queryKey: GROUPS_KEY,
    queryFn: officialsApi.groups,
    enabled: seesGroups,
    staleTime: 60_000,
  });
  return (
    <>
      <Select
        label={t('officials.filters.mandate')}
        data={MANDATE_FUNCTIONS.map((f) => ({ value: f, label: t(`officials.functions.${f}`) }))}
        value={value.mandate || null}
        onChange={(v) => onChange({ ...value, mandate: (v ?? '') as TMandateFunction | '' })}
        clearable
      />
      {seesGroups && (
        <Select
          label={t('officials.filters.group')}
          data={(groups.data?.data ?? []).map((g) => ({ value: g.id, label: g.name }))}
          value={value.groupId || null}
          onChange={(v) => onChange({ ...value, groupId: v ?? '' })}
          clearable
          nothingFoundMessage={t('officials.groups.empty')}
        />
      )}
    </>
  );
}
