import type { TCase } from '@dircab/contracts';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notify } from '../../ui/notify';
import { Panel } from '../../ui/Panel';
import { problemMessage } from '../../ui/problem-message';
import { fieldErrors } from '../directory/directory-rules';
import { OFFICIALS_KEY, officialsApi } from '../directory/officials/officials-api';
import { InterventionFields } from './CaseFormModal';
import { type InterventionValues, interventionPayload, interventionValues } from './case-form-values';
import { CASES_KEY, caseKey, casesApi } from './cases-api';

/** The intervention of an official for a constituent: to whom, when, the answer, the outcome. */
export function InterventionPanel({ value }: { value: TCase }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState<InterventionValues>(() => interventionValues(value));
  const save = useMutation({
    mutationFn: () => casesApi.update(value.id, { intervention: interventionPayload(draft) }),
    onSuccess: async (saved) => {
      notify('green', t('cases.intervention.saved'));
      queryClient.setQueryData(caseKey(saved.id), saved);
      await queryClient.invalidateQueries({ queryKey: CASES_KEY });
      setEditing(false);
    },
  });
  const i = value.intervention;
  const errors = fieldErrors(save.error);
  const officials = useQuery({
    queryKey: [...OFFICIALS_KEY, 'all'],
    queryFn: () => officialsApi.officials(null, 100),
    staleTime: 5 * 60_000,
    enabled: !!i?.officialId,
  });
  const official = officials.data?.data.find((o) => o.id === i?.officialId)?.displayName;
  return (
    <Panel title={t('cases.intervention.title')}>
      {editing ? (
        <form
          aria-label={t('cases.intervention.title')}
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate();
          }}
        >
          <Stack>
            {save.isError && (
              <Alert color="red" role="alert">
                {problemMessage(save.error, t)}
              </Alert>
            )}
            <InterventionFields
              value={draft}
              onChange={(key, v) => setDraft((d) => ({ ...d, [key]: v }))}
              errors={errors}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setEditing(false)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={save.isPending}>
                {t('common.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <Stack gap={6}>
          <Line label={t('cases.intervention.official')} value={official ?? null} />
          <Line label={t('cases.intervention.institution')} value={i?.institutionName ?? null} />
          <Line label={t('cases.intervention.date')} value={i?.date ?? null} />
          <Line label={t('cases.intervention.object')} value={i?.object ?? null} />
          <Line label={t('cases.intervention.answer')} value={i?.answer ?? null} />
          <Line label={t('cases.intervention.outcome')} value={t(`cases.outcomes.${i?.outcome ?? 'pending'}`)} />
          {value.policies.update && (
            <Button
              variant="default"
              size="xs"
              style={{ alignSelf: 'flex-start' }}
              onClick={() => {
                setDraft(interventionValues(value));
                setEditing(true);
              }}
            >
              {t('cases.intervention.edit')}
            </Button>
          )}
        </Stack>
      )}
    </Panel>
  );
}

function Line({ label, value }: { label: string; value: string | null }) {
  const { t } = useTranslation();
  return (
    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
      <Text span fw={600}>
        {label} :
      </Text>{' '}
      {value || t('cases.none')}
    </Text>
  );
}
