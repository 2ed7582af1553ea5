import { MERGE_FIELDS, type TContact, type TMergeField } from '@dircab/contracts';
import { Alert, Anchor, Button, Group, Paper, Radio, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../app/api/http';
import { ErrorState } from '../../ui/ErrorState';
import { notify } from '../../ui/notify';
import { problemMessage } from '../../ui/problem-message';
import { usePageTitle } from '../../ui/use-page-title';
import { contactLinksApi, mergePath } from './contact-links-api';
import { allTerritories, CONTACTS_KEY, contactKey, directoryApi, TERRITORIES_KEY } from './directory-api';
import { contactPath, DIRECTORY_PATH, formatPhone } from './directory-rules';

const FIELD_LABELS: Record<TMergeField, string> = {
  civility: 'directory.civility',
  firstName: 'directory.firstName',
  lastName: 'directory.lastName',
  name: 'directory.orgName',
  orgType: 'directory.orgType',
  formOfAddress: 'directory.formOfAddress',
  jobTitle: 'directory.jobTitle',
  employer: 'directory.employer',
  territoryId: 'directory.territory',
  notes: 'directory.notes',
  source: 'directory.source',
  consent: 'directory.consent',
  confidentiality: 'directory.confidentiality',
};

/** The fields where the two contacts differ: one choice each. */
export function differingFields(a: TContact, b: TContact): TMergeField[] {
  return MERGE_FIELDS.filter((f) => JSON.stringify(a[f] ?? null) !== JSON.stringify(b[f] ?? null));
}

function shown(t: TFunction, field: TMergeField, c: TContact, territoryName: Map<string, string>): string {
  const v = c[field];
  if (v === null || v === undefined || v === '') return t('directory.none');
  if (field === 'orgType') return t(`directory.orgTypes.${v}`);
  if (field === 'confidentiality') return t(`directory.levels.${v}`);
  if (field === 'consent') return v ? t('common.yes') : t('common.no');
  if (field === 'territoryId') return territoryName.get(String(v)) ?? String(v);
  return String(v);
}

/** /directory/contacts/:id/merge/:otherId: keeps :id, folds :otherId into it. */
export function MergePage() {
  const { t } = useTranslation();
  const { id = '', otherId = '' } = useParams();
  usePageTitle(t('merge.title'));
  const kept = useQuery({ queryKey: contactKey(id), queryFn: () => directoryApi.contact(id), retry: false });
  const duplicate = useQuery({
    queryKey: contactKey(otherId),
    queryFn: () => directoryApi.contact(otherId),
    retry: false,
  });
  const error = kept.error ?? duplicate.error;
  if (error) {
    if (error instanceof ApiError && (error.status === 404 || error.status === 400)) {
      return (
        <Stack align="flex-start" maw={640}>
          <Title order={1}>{t('merge.title')}</Title>
          <Alert color="gray" role="alert">
            {t('directory.notFound.body')}
          </Alert>
          <Button component={Link} to={DIRECTORY_PATH}>
            {t('directory.backToList')}
          </Button>
        </Stack>
      );
    }
    return <ErrorState error={error} onRetry={() => void Promise.all([kept.refetch(), duplicate.refetch()])} />;
  }
  if (!kept.data || !duplicate.data) return <Text>{t('common.loading')}</Text>;
  return <MergeForm kept={kept.data} duplicate={duplicate.data} />;
}

function MergeForm({ kept, duplicate }: { kept: TContact; duplicate: TContact }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const territories = useQuery({ queryKey: TERRITORIES_KEY, queryFn: allTerritories, staleTime: 60_000 });
  const territoryName = new Map((territories.data ?? []).map((x) => [x.id, x.name]));
  const fields = differingFields(kept, duplicate);
  const [keep, setKeep] = useState<Partial<Record<TMergeField, 'kept' | 'duplicate'>>>({});
  const [confirming, setConfirming] = useState(false);
  const merge = useMutation({
    mutationFn: () => contactLinksApi.merge(kept.id, { duplicateId: duplicate.id, keep }),
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: CONTACTS_KEY });
      const notificationId = `merge-${result.auditId}`;
      notifications.show({
        id: notificationId,
        color: 'green',
        autoClose: 15_000,
        closeButtonProps: { 'aria-label': t('common.close') },
        message: (
          <Stack gap={4}>
            <Text size="sm">{t('merge.done', { name: duplicate.displayName, kept: kept.displayName })}</Text>
            <Button
              size="xs"
              variant="default"
              style={{ alignSelf: 'flex-start' }}
              onClick={async () => {
                notifications.hide(notificationId);
                try {
                  await contactLinksApi.undoMerge(kept.id, result.auditId);
                  notify('green', t('merge.undone'));
                  await queryClient.invalidateQueries({ queryKey: CONTACTS_KEY });
                } catch (e) {
                  notify('red', problemMessage(e, t), t('merge.undoFailed'));
                }
              }}
            >
              {t('merge.undo')}
            </Button>
          </Stack>
        ),
      });
      navigate(contactPath(kept.id));
    },
  });
  const choose = (field: TMergeField, side: 'kept' | 'duplicate') => setKeep((k) => ({ ...k, [field]: side }));
  const united = (c: TContact) =>
    [
      ...c.emails.map((e) => e.email),
      ...c.phones.map((p) => formatPhone(p.number)),
      ...c.addresses.map((a) => `${a.line1}, ${a.postcode} ${a.city}`),
      ...c.tags,
    ].join(' · ') || t('directory.none');

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={contactPath(kept.id)} size="sm">
        {t('merge.back', { name: kept.displayName })}
      </Anchor>
      <div>
        <Title order={1}>{t('merge.title')}</Title>
        <Text c="dimmed">{t('merge.intro', { kept: kept.displayName, duplicate: duplicate.displayName })}</Text>
      </div>
      {!(kept.policies.delete && duplicate.policies.delete) && (
        <Alert color="gray" role="alert">
          {t('merge.notAllowed')}
        </Alert>
      )}
      {kept.kind !== duplicate.kind && (
        <Alert color="red" role="alert">
          {t('merge.kindsDiffer')}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Paper withBorder p="md" component="section" aria-label={t('merge.keptSide')}>
          <Text fw={700}>{t('merge.keptSide')}</Text>
          <Anchor component={Link} to={contactPath(kept.id)}>
            {kept.displayName}
          </Anchor>
          <Text size="sm">{united(kept)}</Text>
        </Paper>
        <Paper withBorder p="md" component="section" aria-label={t('merge.duplicateSide')}>
          <Text fw={700}>{t('merge.duplicateSide')}</Text>
          <Anchor component={Link} to={contactPath(duplicate.id)}>
            {duplicate.displayName}
          </Anchor>
          <Text size="sm">{united(duplicate)}</Text>
        </Paper>
      </SimpleGrid>
      <Button
        variant="subtle"
        component={Link}
        to={mergePath(duplicate.id, kept.id)}
        style={{ alignSelf: 'flex-start' }}
      >
        {t('merge.swap', { name: duplicate.displayName })}
      </Button>
      <Text size="sm">{t('merge.unitedHelp')}</Text>

      {!confirming ? (
        <Stack gap="md">
          {fields.length === 0 ? (
            <Text>{t('merge.noDifference')}</Text>
          ) : (
            fields.map((field) => (
              <Radio.Group
                key={field}
                label={t(FIELD_LABELS[field])}
                value={keep[field] ?? 'kept'}
                onChange={(v) => choose(field, v as 'kept' | 'duplicate')}
              >
                <Stack gap={4} mt={4}>
                  <Radio
                    value="kept"
                    label={t('merge.valueFrom', {
                      value: shown(t, field, kept, territoryName),
                      side: t('merge.keptShort'),
                    })}
                  />
                  <Radio
                    value="duplicate"
                    label={t('merge.valueFrom', {
                      value: shown(t, field, duplicate, territoryName),
                      side: t('merge.duplicateShort'),
                    })}
                  />
                </Stack>
              </Radio.Group>
            ))
          )}
          <Group>
            <Button
              onClick={() => setConfirming(true)}
              disabled={kept.kind !== duplicate.kind || !(kept.policies.delete && duplicate.policies.delete)}
            >
              {t('merge.next')}
            </Button>
            <Button variant="default" component={Link} to={contactPath(kept.id)}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Paper withBorder p="md" component="section" aria-labelledby="merge-confirm-title">
          <Stack>
            <Title order={2} size="h4" id="merge-confirm-title">
              {t('merge.confirmTitle')}
            </Title>
            <Text>{t('merge.confirmBody', { kept: kept.displayName, duplicate: duplicate.displayName })}</Text>
            {merge.isError && (
              <Alert color="red" role="alert">
                {problemMessage(merge.error, t)}
              </Alert>
            )}
            <Group>
              <Button color="red.9" loading={merge.isPending} onClick={() => merge.mutate()}>
                {t('merge.confirm')}
              </Button>
              <Button variant="default" onClick={() => setConfirming(false)}>
                {t('merge.previous')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
