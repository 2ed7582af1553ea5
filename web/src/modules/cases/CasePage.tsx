import type { TCase } from '@dircab/contracts';
import { Alert, Anchor, Button, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconChecklist, IconLock, IconLockOpen, IconPencil } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../app/api/http';
import { ErrorState } from '../../ui/ErrorState';
import { formatDateTime } from '../../ui/format';
import { useMe } from '../../ui/me-context';
import { Panel } from '../../ui/Panel';
import { usePageTitle } from '../../ui/use-page-title';
import { allTerritories, TERRITORIES_KEY } from '../directory/directory-api';
import { WriteNoteForCaseButton } from '../notes/WriteNoteForCaseButton';
import { TaskFormModal } from '../tasks/TaskFormModal';
import { CaseBadges } from './CaseBadges';
import { CaseFormModal } from './CaseFormModal';
import { CaseLinksPanel } from './CaseLinksPanel';
import { CaseStatusModal } from './CaseStatusModal';
import { CaseTimelinePanel } from './CaseTimelinePanel';
import { CASES_PATH, caseKey, casesApi, caseTimelineKey } from './cases-api';
import { EscalateModal } from './EscalateModal';
import { InterventionPanel } from './InterventionPanel';
import { useMemberNames } from './use-member-options';

/** One case: what it is, who carries it, everything linked to it in one timeline. */
export function CasePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const found = useQuery({ queryKey: caseKey(id), queryFn: () => casesApi.get(id), retry: false });
  const missing = found.error instanceof ApiError && (found.error.status === 404 || found.error.status === 400);
  usePageTitle(found.data?.title ?? (missing ? t('cases.notFound.title') : t('modules.cases.label')));

  if (missing) {
    return (
      <Stack align="flex-start" maw={640}>
        <Title order={1}>{t('cases.notFound.title')}</Title>
        <Alert color="gray" role="alert">
          {t('cases.notFound.body')}
        </Alert>
        <Button component={Link} to={CASES_PATH}>
          {t('cases.backToList')}
        </Button>
      </Stack>
    );
  }
  if (found.isError) return <ErrorState error={found.error} onRetry={() => void found.refetch()} />;
  if (!found.data) return <Text>{t('common.loading')}</Text>;
  return <CaseView value={found.data} />;
}

function CaseView({ value }: { value: TCase }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const [escalating, setEscalating] = useState(false);
  const [changingStatus, setChangingStatus] = useState(false);
  const [addingTask, setAddingTask] = useState(false);
  const [editing, setEditing] = useState(false);
  const territories = useQuery({ queryKey: TERRITORIES_KEY, queryFn: allTerritories, staleTime: 60_000 });
  const territory = territories.data?.find((x) => x.id === value.territoryId);
  const people = [...value.team, ...value.members, ...(value.ownerId ? [value.ownerId] : [])];
  const names = useMemberNames(people);
  const nameOf = (userId: string) => names.get(userId) ?? t('cases.someone');
  const closed = value.status === 'closed';
  const tz = me.organisation.timeZone;

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={CASES_PATH} size="sm">
        {t('cases.backToList')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <div>
          <Group gap="xs">
            <Title order={1}>{value.title}</Title>
            <CaseBadges value={value} />
          </Group>
          <Text c="dimmed">
            {t(`cases.kinds.${value.kind}`)} · {t(`cases.statuses.${value.status}`)}
          </Text>
        </div>
        <Group gap="xs">
          {value.policies.escalate && (
            <Button
              color="red.9"
              leftSection={<IconAlertTriangle size={18} aria-hidden />}
              onClick={() => setEscalating(true)}
            >
              {t('cases.escalate.open')}
            </Button>
          )}
          {value.policies.update && (
            <Button
              variant="default"
              leftSection={<IconPencil size={18} aria-hidden />}
              onClick={() => setEditing(true)}
            >
              {t('cases.edit')}
            </Button>
          )}
          <Button
            variant="default"
            leftSection={<IconChecklist size={18} aria-hidden />}
            onClick={() => setAddingTask(true)}
          >
            {t('cases.newTask')}
          </Button>
          <WriteNoteForCaseButton value={value} />
          {(closed ? value.policies.update : value.policies.close) && (
            <Button
              variant="default"
              leftSection={closed ? <IconLockOpen size={18} aria-hidden /> : <IconLock size={18} aria-hidden />}
              onClick={() => setChangingStatus(true)}
            >
              {closed ? t('cases.status.reopen') : t('cases.status.close')}
            </Button>
          )}
        </Group>
      </Group>
      {value.escalation && !closed && (
        <Alert color="red.9" variant="outline" title={t('cases.escalate.banner')}>
          <Text size="sm">{value.escalation.note}</Text>
          <Text size="xs" c="dimmed">
            {formatDateTime(value.escalation.at, tz, i18n.language)}
          </Text>
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Panel title={t('cases.details')}>
          <Stack gap={6}>
            <Field label={t('cases.fields.owner')} value={value.ownerId ? nameOf(value.ownerId) : null} />
            <Field label={t('cases.fields.team')} value={value.team.map(nameOf).join(', ') || null} />
            <Field label={t('cases.fields.confidentiality')} value={t(`cases.levels.${value.confidentiality}`)} />
            {value.confidentiality === 'confidential' && (
              <Field label={t('cases.fields.members')} value={value.members.map(nameOf).join(', ') || null} />
            )}
            <Field label={t('cases.fields.riskLevel')} value={t(`cases.risks.${value.riskLevel}`)} />
            <Field label={t('cases.fields.territory')} value={territory?.name ?? null} />
            <Field label={t('cases.fields.topics')} value={value.topics.join(', ') || null} />
            <Field label={t('cases.fields.dueDate')} value={value.dueDate} />
            <Field label={t('cases.fields.createdAt')} value={formatDateTime(value.createdAt, tz, i18n.language)} />
          </Stack>
        </Panel>
        <Panel title={t('cases.fields.summary')}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {value.summary || t('cases.none')}
          </Text>
        </Panel>
      </SimpleGrid>
      {value.kind === 'intervention' && <InterventionPanel value={value} />}
      <CaseLinksPanel value={value} />
      <CaseTimelinePanel caseId={value.id} />
      <EscalateModal value={value} opened={escalating} onClose={() => setEscalating(false)} />
      <CaseFormModal value={value} opened={editing} onClose={() => setEditing(false)} onSaved={() => {}} />
      <CaseStatusModal value={value} opened={changingStatus} onClose={() => setChangingStatus(false)} />
      <TaskFormModal
        opened={addingTask}
        onClose={() => setAddingTask(false)}
        link={{ kind: 'case', id: value.id }}
        invalidateKeys={[caseTimelineKey(value.id)]}
      />
    </Stack>
  );
}

function Field({ label, value }: { label: string; value: string | null }) {
  const { t } = useTranslation();
  return (
    <Text size="sm">
      <Text span fw={600}>
        {label} :
      </Text>{' '}
      {value || t('cases.none')}
    </Text>
  );
}
