import { RETENTION_KINDS, type TRetentionInput } from '@dircab/contracts';
import { Alert, Button, Group, NumberInput, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../ui/ErrorState';
import { useMe } from '../../../ui/me-context';
import { notify } from '../../../ui/notify';
import { problemMessage } from '../../../ui/problem-message';
import { usePageTitle } from '../../../ui/use-page-title';
import { DirectoryTabs } from '../DirectoryTabs';
import { fieldErrors } from '../directory-rules';
import { privacyApi, RETENTION_KEY } from './privacy-api';
import { canSetRetention } from './privacy-rules';

type Draft = Record<keyof TRetentionInput, number | string>;

/** /directory/privacy: how long the organisation keeps each kind of contact. */
export function RetentionPage() {
  const { t } = useTranslation();
  usePageTitle(t('privacy.retention.title'));
  const me = useMe();
  const queryClient = useQueryClient();
  const allowed = canSetRetention(me.role);
  const retention = useQuery({ queryKey: RETENTION_KEY, queryFn: privacyApi.retention, enabled: allowed });
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

  return (
    <Stack gap="lg" maw={900}>
      <div>
        <Title order={1}>{t('privacy.retention.title')}</Title>
        <Text c="dimmed">{t('privacy.retention.intro')}</Text>
      </div>
      <DirectoryTabs />
      {!allowed && (
        <Alert color="gray" role="alert">
          {t('privacy.retention.forbidden')}
        </Alert>
      )}
      {retention.isError && <ErrorState error={retention.error} onRetry={() => void retention.refetch()} />}
      {allowed && retention.isPending && <Text>{t('common.loading')}</Text>}
      {draft && retention.data && (
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
      )}
    </Stack>
  );
}
