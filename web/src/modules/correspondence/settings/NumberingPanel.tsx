import type { TNumberingSettings } from '@dircab/contracts';
import { Alert, Button, Group, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notify } from '../../../ui/notify';
import { problemMessage } from '../../../ui/problem-message';
import { fieldErrors } from '../../directory/directory-rules';
import { previewNumber } from './number-preview';
import { SectionError } from './SectionError';
import { NUMBERING_KEY, numberingApi } from './settings-api';

const p = 'correspondenceSettings.numbering';

/**
 * The registration number formats, incoming and outgoing, with the number each would give,
 * and whether digital requests are acknowledged by email as soon as they are registered.
 */
export function NumberingPanel() {
  const { t } = useTranslation();
  const current = useQuery({ queryKey: NUMBERING_KEY, queryFn: numberingApi.get });
  if (current.isError) return <SectionError error={current.error} onRetry={() => void current.refetch()} />;
  if (!current.data) return <Text>{t('common.loading')}</Text>;
  return <NumberingForm start={current.data} />;
}

function NumberingForm({ start }: { start: TNumberingSettings }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [incoming, setIncoming] = useState(start.incomingFormat);
  const [outgoing, setOutgoing] = useState(start.outgoingFormat);
  // The server acknowledges automatically unless told otherwise (CRPA L.112-11).
  const [autoAcknowledge, setAutoAcknowledge] = useState(start.autoAcknowledge ?? true);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const year = new Date().getFullYear();
  const save = useMutation({
    mutationFn: () =>
      numberingApi.save({ incomingFormat: incoming.trim(), outgoingFormat: outgoing.trim(), autoAcknowledge }),
    onSuccess: (saved) => {
      queryClient.setQueryData(NUMBERING_KEY, saved);
      notify('green', t(`${p}.saved`));
    },
    onError: (error) => setErrors(fieldErrors(error)),
  });
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setErrors({});
        save.mutate();
      }}
    >
      <Stack maw={760}>
        <Text c="dimmed">{t(`${p}.intro`)}</Text>
        {save.isError && (
          <Alert color="red" role="alert" title={t(`${p}.failed`)}>
            {problemMessage(save.error, t)}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t(`${p}.incoming`)}
            description={t(`${p}.preview`, { number: previewNumber(incoming, year) })}
            required
            value={incoming}
            onChange={(e) => setIncoming(e.currentTarget.value)}
            error={errors.incomingFormat}
          />
          <TextInput
            label={t(`${p}.outgoing`)}
            description={t(`${p}.preview`, { number: previewNumber(outgoing, year) })}
            required
            value={outgoing}
            onChange={(e) => setOutgoing(e.currentTarget.value)}
            error={errors.outgoingFormat}
          />
        </SimpleGrid>
        <Text size="sm">{t(`${p}.tokens`)}</Text>
        <Switch
          label={t(`${p}.autoAcknowledge`)}
          description={t(`${p}.autoAcknowledgeHelp`)}
          checked={autoAcknowledge}
          onChange={(e) => setAutoAcknowledge(e.currentTarget.checked)}
        />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
