import { RETENTION_KINDS, type TRetentionInput } from '@dircab/contracts';
import { Alert, Button, Group, NumberInput, SimpleGrid, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../ui/ErrorState';
import { notify } from '../../../ui/notify';
import { problemMessage } from '../../../ui/problem-message';
import { fieldErrors } from '../directory-rules';
import { privacyApi, RETENTION_KEY } from './privacy-api';

type Draft = Record<keyof TRetentionInput, number | string>;

/**
 * The retention periods, read and saved through /api/v1/privacy/retention. Shown on the
 * directory's page for the heads and in the administration for the admin (who has no
 * directory access): the caller decides who sees it.
 */
export function RetentionForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const retention = useQuery({ queryKey: RETENTION_KEY, queryFn: privacyApi.retention });
  const [draft, setDraft] = useState<Draft | null>(null);
  useEffect(() => {
    if (retention.data && !draft) {
      const { constituents, otherOfficials, ownOfficials, organisationNotes } = retention.data;
      setDraft({ constituents, otherOfficials, ownOfficials, organisationNotes });
    }
  }, [retention.data, draft]);
  const save = useMutation({
    mutationFn: (body: TRetentionInput) => privacyApi.saveRetention(body),
    onSuccess: (saved) => {
      queryClient.setQueryData(RETENTION_KEY, saved);
      notify('green', t('privacy.retention.saved'));
    },
  });
  const errors = fieldErrors(save.error);

  if (retention.isError) return <ErrorState error={retention.error} onRetry={() => void retention.refetch()} />;
  if (!draft || !retention.data) return <Text>{t('common.loading')}</Text>;
  return (
    <form
      aria-label={t('privacy.retention.title')}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({
          constituents: Number(draft.constituents),
          otherOfficials: Number(draft.otherOfficials),
          ownOfficials: Number(draft.ownOfficials),
          organisationNotes: Number(draft.organisationNotes),
        });
      }}
    >
      <Stack>
        {retention.data.isDefault && <Text size="sm">{t('privacy.retention.defaults')}</Text>}
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {RETENTION_KINDS.map((kind) => (
            <NumberInput
              key={kind}
              label={t(`privacy.retention.kinds.${kind}.label`)}
              description={t(`privacy.retention.kinds.${kind}.help`)}
              min={6}
              max={240}
              allowDecimal={false}
              allowNegative={false}
              required
              value={draft[kind]}
              onChange={(v) => setDraft((d) => (d ? { ...d, [kind]: v } : d))}
              error={errors[kind]}
            />
          ))}
        </SimpleGrid>
        {save.isError && Object.keys(errors).length === 0 && (
          <Alert color="red" role="alert">
            {problemMessage(save.error, t)}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('privacy.retention.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
