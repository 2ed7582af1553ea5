import { TagsInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { correspondenceApi, tagSuggestionsKey } from '../correspondence-api';
import { cleanTags, TAG_MAX_COUNT, TAG_MAX_LENGTH } from './tag-changes';

interface Props {
  label: string;
  value: string[];
  onChange: (tags: string[]) => void;
  description?: string;
  error?: string | null;
  /** Ask the server for the organisation's tags (only the roles that may tag read them). */
  suggest: boolean;
  'data-autofocus'?: boolean;
  w?: number;
}

/**
 * Free tags with the organisation's most used ones suggested as one types. A comma or a
 * semicolon ends a tag (the server refuses them inside one); a tag too long is refused here,
 * with the reason, before the server does.
 */
export function TagsField({ label, value, onChange, description, error, suggest, ...rest }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [typed] = useDebouncedValue(search, 200);
  const [localError, setLocalError] = useState<string | null>(null);
  const suggestions = useQuery({
    queryKey: tagSuggestionsKey(typed),
    queryFn: () => correspondenceApi.tagSuggestions(typed),
    enabled: suggest,
    staleTime: 60_000,
    retry: false,
  });
  return (
    <TagsInput
      label={label}
      description={description}
      value={value}
      data={(suggestions.data?.data ?? []).map((s) => s.tag)}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(next) => {
        const tags = cleanTags(next);
        if (tags.some((x) => x.length > TAG_MAX_LENGTH)) {
          setLocalError(t('correspondenceTags.tooLong', { length: TAG_MAX_LENGTH }));
          return;
        }
        setLocalError(null);
        onChange(tags);
      }}
      splitChars={[',', ';']}
      maxTags={TAG_MAX_COUNT}
      clearable
      error={localError ?? error}
      {...rest}
    />
  );
}
