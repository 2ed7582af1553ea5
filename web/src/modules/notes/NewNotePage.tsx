import {
  CONFIDENTIALITY_LEVELS,
  NOTE_KINDS,
  type TConfidentiality,
  type TCreateNote,
  type TNoteKind,
} from '@dircab/contracts';
import { Alert, Anchor, Button, Group, Radio, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { notify } from '../../ui/notify';
import { problemMessage } from '../../ui/problem-message';
import { usePageTitle } from '../../ui/use-page-title';
import { caseKey, casePath, casesApi, caseTimelineKey } from '../cases/cases-api';
import { fieldErrors } from '../directory/directory-rules';
import { ADDRESSEE_ROLES, notePath } from './note-rules';
import { NOTE_TEMPLATES_KEY, NOTES_KEY, notesApi } from './notes-api';
import { PeopleMultiSelect, PersonSelect } from './PeoplePicker';

/**
 * A new note: its kind, title, addressee, a template of the organisation, and who may see it.
 * Opened from a case (`?caseId=`), the note belongs to that case and starts at its level of
 * confidentiality, with its people.
 */
export function NewNotePage() {
  const { t } = useTranslation();
  usePageTitle(t('notes.create.title'));
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const caseId = params.get('caseId');
  const fromCase = useQuery({
    queryKey: caseKey(caseId ?? ''),
    queryFn: () => casesApi.get(caseId ?? ''),
    enabled: Boolean(caseId),
    retry: false,
  });
  const templates = useQuery({ queryKey: NOTE_TEMPLATES_KEY, queryFn: notesApi.templates, retry: false });
  const [kind, setKind] = useState<TNoteKind>('note_to_executive');
  const [title, setTitle] = useState('');
  const [addresseeId, setAddresseeId] = useState<string | null>(null);
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [confidentiality, setConfidentiality] = useState<TConfidentiality>('restricted');
  const [members, setMembers] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  // A note about a confidential case is no less confidential: start from the case's level and people, once.
  const [seededFrom, setSeededFrom] = useState<string | null>(null);
  if (fromCase.data && seededFrom !== fromCase.data.id) {
    setSeededFrom(fromCase.data.id);
    setConfidentiality(fromCase.data.confidentiality);
    if (fromCase.data.confidentiality === 'confidential') setMembers(fromCase.data.members);
  }
  // A template made for another kind would start the wrong document: offer the kind's and the general ones.
  const templateOptions = (templates.data?.data ?? [])
    .filter((x) => x.kind === null || x.kind === kind)
    .map((x) => ({ value: x.id, label: x.name }));

  const create = useMutation({
    mutationFn: (body: TCreateNote) => notesApi.create(body),
    onSuccess: async (note) => {
      notify('green', t('notes.create.done'));
      await queryClient.invalidateQueries({ queryKey: NOTES_KEY });
      if (caseId) await queryClient.invalidateQueries({ queryKey: caseTimelineKey(caseId) });
      navigate(notePath(note.id));
    },
    onError: (error) => setErrors(fieldErrors(error)),
  });

  const submit = () => {
    const next: Record<string, string> = {};
    if (!title.trim()) next.title = t('notes.create.errors.title');
    if (!addresseeId) next.addresseeId = t('notes.create.errors.addressee');
    if (confidentiality === 'confidential' && members.length === 0) next.members = t('notes.create.errors.members');
    setErrors(next);
    if (Object.keys(next).length > 0 || !addresseeId) return;
    create.mutate({
      kind,
      title: title.trim(),
      addresseeId,
      confidentiality,
      ...(members.length > 0 ? { members } : {}),
      ...(templateId ? { templateId } : {}),
      ...(caseId ? { caseId } : {}),
    });
  };

  return (
    <Stack maw={760}>
      <Title order={1}>{t('notes.create.title')}</Title>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack>
          {create.isError && (
            <Alert color="red" role="alert" title={t('notes.create.failed')}>
              {problemMessage(create.error, t)}
            </Alert>
          )}
          {caseId && (
            <Text size="sm">
              {t('notes.create.forCase')}{' '}
              {fromCase.data ? (
                <Anchor component={Link} to={casePath(caseId)}>
                  {fromCase.data.title}
                </Anchor>
              ) : fromCase.isError ? (
                t('notes.create.caseUnknown')
              ) : (
                t('common.loading')
              )}
            </Text>
          )}
          {errors.caseId && (
            <Alert color="red" role="alert">
              {errors.caseId}
            </Alert>
          )}
          <Select
            label={t('notes.fields.kind')}
            data={NOTE_KINDS.map((k) => ({ value: k, label: t(`notes.kinds.${k}`) }))}
            value={kind}
            onChange={(v) => {
              if (!v) return;
              setKind(v as TNoteKind);
              setTemplateId(null);
            }}
            allowDeselect={false}
            error={errors.kind}
            required
          />
          <TextInput
            label={t('notes.fields.title')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={errors.title}
            required
          />
          <PersonSelect
            label={t('notes.fields.addressee')}
            description={t('notes.create.addresseeHelp')}
            roles={ADDRESSEE_ROLES}
            value={addresseeId}
            onChange={setAddresseeId}
            error={errors.addresseeId}
            required
          />
          {templateOptions.length > 0 && (
            <Select
              label={t('notes.fields.template')}
              description={t('notes.create.templateHelp')}
              data={templateOptions}
              value={templateId}
              onChange={setTemplateId}
              searchable
              clearable
              error={errors.templateId}
            />
          )}
          <Radio.Group
            label={t('notes.fields.confidentiality')}
            value={confidentiality}
            onChange={(v) => setConfidentiality(v as TConfidentiality)}
            error={errors.confidentiality}
          >
            <Group mt="xs">
              {CONFIDENTIALITY_LEVELS.map((level) => (
                <Radio key={level} value={level} label={t(`directory.levels.${level}`)} />
              ))}
            </Group>
          </Radio.Group>
          {confidentiality === 'confidential' && (
            <PeopleMultiSelect
              label={t('notes.fields.members')}
              description={t('notes.create.membersHelp')}
              value={members}
              onChange={setMembers}
              error={errors.members}
              required
            />
          )}
          <Group>
            <Button type="submit" loading={create.isPending}>
              {t('notes.create.submit')}
            </Button>
            <Button component={Link} to={caseId ? casePath(caseId) : '/notes'} variant="default">
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
