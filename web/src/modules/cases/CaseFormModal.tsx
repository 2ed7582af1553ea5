import {
  CASE_KINDS,
  CASE_STATUSES,
  INTERVENTION_OUTCOMES,
  RISK_LEVELS,
  type TCase,
  type TCaseKind,
  type TConfidentiality,
  type TInterventionOutcome,
  type TRiskLevel,
} from '@dircab/contracts';
import {
  Alert,
  Button,
  Group,
  Modal,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../ui/me-context';
import { notify } from '../../ui/notify';
import { problemMessage } from '../../ui/problem-message';
import { allTerritories, TERRITORIES_KEY } from '../directory/directory-api';
import { fieldErrors } from '../directory/directory-rules';
import { OFFICIALS_KEY, officialsApi } from '../directory/officials/officials-api';
import {
  type CaseFormValues,
  editValues,
  type InterventionValues,
  initialCaseValues,
  toCreatePayload,
  toUpdatePayload,
} from './case-form-values';
import { CASES_KEY, caseKey, casesApi } from './cases-api';
import { MemberMultiSelect, MemberSelect } from './MemberMultiSelect';
import { RecordPicker } from './RecordPicker';

interface Props {
  opened: boolean;
  onClose: () => void;
  onSaved: (c: TCase) => void;
  /** The case to edit; a new one is opened without it. */
  value?: TCase;
}

/** Opens or edits a case: what it is about, who sees it, who carries it, how risky, by when. */
export function CaseFormModal({ opened, onClose, onSaved, value }: Props) {
  const { t } = useTranslation();
  const title = value ? t('cases.form.editTitle') : t('cases.form.title');
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={title}
      size="xl"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {opened && <CaseForm onClose={onClose} onSaved={onSaved} title={title} {...(value ? { value } : {})} />}
    </Modal>
  );
}

function CaseForm({ onClose, onSaved, value, title }: Omit<Props, 'opened'> & { title: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const [v, setV] = useState<CaseFormValues>(() => (value ? editValues(value) : initialCaseValues()));
  const territories = useQuery({ queryKey: TERRITORIES_KEY, queryFn: allTerritories, staleTime: 60_000 });
  const set = <K extends keyof CaseFormValues>(key: K, value: CaseFormValues[K]) =>
    setV((d) => ({ ...d, [key]: value }));
  const setIntervention = <K extends keyof InterventionValues>(key: K, value: InterventionValues[K]) =>
    setV((d) => ({ ...d, intervention: { ...d.intervention, [key]: value } }));
  const save = useMutation({
    mutationFn: () =>
      value ? casesApi.update(value.id, toUpdatePayload(v, value)) : casesApi.create(toCreatePayload(v, me.user.id)),
    onSuccess: async (created) => {
      notify('green', value ? t('cases.form.saved') : t('cases.form.created', { title: created.title }));
      if (value) queryClient.setQueryData(caseKey(created.id), created);
      await queryClient.invalidateQueries({ queryKey: CASES_KEY });
      onSaved(created);
      onClose();
    },
  });
  const errors = fieldErrors(save.error);
  const confidential = v.confidentiality === 'confidential';

  return (
    <form
      aria-label={title}
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
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('cases.fields.kind')}
            data={CASE_KINDS.map((k) => ({ value: k, label: t(`cases.kinds.${k}`) }))}
            value={v.kind}
            onChange={(k) => k && set('kind', k as TCaseKind)}
            allowDeselect={false}
            withAsterisk
            error={errors.kind}
            // The kind says what the case is: it is chosen once.
            disabled={!!value}
          />
          {value && value.status !== 'closed' && (
            <Select
              label={t('cases.fields.status')}
              data={CASE_STATUSES.filter((x) => x !== 'closed').map((x) => ({
                value: x,
                label: t(`cases.statuses.${x}`),
              }))}
              value={v.status}
              onChange={(x) => x && set('status', x as CaseFormValues['status'])}
              allowDeselect={false}
              error={errors.status}
            />
          )}
          <Select
            label={t('cases.fields.riskLevel')}
            data={RISK_LEVELS.map((r) => ({ value: r, label: t(`cases.risks.${r}`) }))}
            value={v.riskLevel}
            onChange={(r) => r && set('riskLevel', r as TRiskLevel)}
            allowDeselect={false}
            error={errors.riskLevel}
          />
        </SimpleGrid>
        <TextInput
          label={t('cases.fields.title')}
          value={v.title}
          onChange={(e) => set('title', e.currentTarget.value)}
          withAsterisk
          required
          maxLength={300}
          error={errors.title}
        />
        <Textarea
          label={t('cases.fields.summary')}
          value={v.summary}
          onChange={(e) => set('summary', e.currentTarget.value)}
          autosize
          minRows={3}
          error={errors.summary}
        />
        <Radio.Group
          label={t('cases.fields.confidentiality')}
          value={v.confidentiality}
          onChange={(c) => set('confidentiality', c as TConfidentiality)}
          error={errors.confidentiality}
        >
          <Group mt={4}>
            {(['normal', 'restricted', 'confidential'] as const).map((c) => (
              <Radio key={c} value={c} label={t(`cases.levels.${c}`)} />
            ))}
          </Group>
        </Radio.Group>
        {confidential && (
          <MemberMultiSelect
            label={t('cases.fields.members')}
            value={v.members}
            onChange={(ids) => set('members', ids)}
            error={errors.members}
            required
          />
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <MemberSelect
            label={t('cases.fields.owner')}
            value={v.ownerId}
            onChange={(id) => set('ownerId', id)}
            error={errors.ownerId}
          />
          <MemberMultiSelect
            label={t('cases.fields.team')}
            value={v.team}
            onChange={(ids) => set('team', ids)}
            error={errors.team}
          />
          <Select
            label={t('cases.fields.territory')}
            data={(territories.data ?? []).map((x) => ({ value: x.id, label: x.name }))}
            value={v.territoryId}
            onChange={(id) => set('territoryId', id)}
            clearable
            searchable
            nothingFoundMessage={t('cases.nothing')}
            error={errors.territoryId}
          />
          <TagsInput
            label={t('cases.fields.topics')}
            description={t('cases.form.topicsHelp')}
            value={v.topics}
            onChange={(topics) => set('topics', topics)}
            error={errors.topics}
          />
          <TextInput
            type="date"
            label={t('cases.fields.dueDate')}
            value={v.dueDate}
            onChange={(e) => set('dueDate', e.currentTarget.value)}
            error={errors.dueDate}
          />
        </SimpleGrid>
        {v.kind === 'intervention' && !value && (
          <InterventionFields value={v.intervention} onChange={setIntervention} errors={errors} />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {value ? t('common.save') : t('cases.form.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

interface InterventionFieldsProps {
  value: InterventionValues;
  onChange: <K extends keyof InterventionValues>(key: K, value: InterventionValues[K]) => void;
  errors: Record<string, string>;
}

/** To whom, when, the answer, the outcome: an official's intervention with another institution. */
export function InterventionFields({ value, onChange, errors }: InterventionFieldsProps) {
  const { t } = useTranslation();
  // A commune has a few dozen officials: one page holds them.
  const officials = useQuery({
    queryKey: [...OFFICIALS_KEY, 'all'],
    queryFn: () => officialsApi.officials(null, 100),
    staleTime: 5 * 60_000,
  });
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <Select
        label={t('cases.intervention.official')}
        data={(officials.data?.data ?? []).map((o) => ({ value: o.id, label: o.displayName }))}
        value={value.officialId}
        onChange={(id) => onChange('officialId', id)}
        searchable
        clearable
        nothingFoundMessage={t('cases.nothing')}
        error={errors['intervention.officialId']}
      />
      <RecordPicker
        kind="contact"
        label={t('cases.intervention.institutionContact')}
        value={value.institutionContactId}
        onChange={(id) => onChange('institutionContactId', id)}
        error={errors['intervention.institutionContactId']}
        optional
      />
      <TextInput
        label={t('cases.intervention.institution')}
        description={t('cases.intervention.institutionHelp')}
        value={value.institutionName}
        onChange={(e) => onChange('institutionName', e.currentTarget.value)}
        error={errors['intervention.institutionName']}
      />
      <TextInput
        type="date"
        label={t('cases.intervention.date')}
        value={value.date}
        onChange={(e) => onChange('date', e.currentTarget.value)}
        error={errors['intervention.date']}
      />
      <Textarea
        label={t('cases.intervention.object')}
        value={value.object}
        onChange={(e) => onChange('object', e.currentTarget.value)}
        autosize
        minRows={2}
        error={errors['intervention.object']}
      />
      <Textarea
        label={t('cases.intervention.answer')}
        value={value.answer}
        onChange={(e) => onChange('answer', e.currentTarget.value)}
        autosize
        minRows={2}
        error={errors['intervention.answer']}
      />
      <Select
        label={t('cases.intervention.outcome')}
        data={INTERVENTION_OUTCOMES.map((o) => ({ value: o, label: t(`cases.outcomes.${o}`) }))}
        value={value.outcome}
        onChange={(o) => o && onChange('outcome', o as TInterventionOutcome)}
        allowDeselect={false}
        error={errors['intervention.outcome']}
      />
    </SimpleGrid>
  );
}
