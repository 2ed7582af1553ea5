import { Autocomplete } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { correspondenceApi, tagSuggestionsKey } from '../correspondence-api';
import { TAG_MAX_LENGTH } from './tag-changes';

/**
 * The inbox's tag filter: one tag, any spelling (the server compares keys), with the
 * organisation's tags suggested to the roles that tag (the others type it).
 */
export function TagFilter({
  value,
  onChange,
  suggest,
}: {
  value: string;
  onChange: (v: string) => void;
  suggest: boolean;
}) {
  const { t } = useTranslation();
  const [typed] = useDebouncedValue(value, 200);
  const suggestions = useQuery({
    queryKey: tagSuggestionsKey(typed),
    queryFn: () => correspondenceApi.tagSuggestions(typed),
    enabled: suggest,
    staleTime: 60_000,
    retry: false,
  });
  return (
    <Autocomplete
      label={t('correspondenceTags.filter')}
      data={(suggestions.data?.data ?? []).map((s) => s.tag)}
      value={value}
      onChange={onChange}
      maxLength={TAG_MAX_LENGTH}
    />
  );
}
