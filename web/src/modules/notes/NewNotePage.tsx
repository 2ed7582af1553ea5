import {
  CONFIDENTIALITY_LEVELS,
  NOTE_KINDS,
  type TConfidentiality,
  type TCreateNote,
  type TNoteKind,
} from '@dircab/contracts';
import { Alert, Button, Group, MultiSelect, Radio, Select, Stack, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { notify } from '../../ui/notify';
import { problemMessage } from '../../ui/problem-message';
import { usePageTitle } from '../../ui/use-page-title';
import { fieldErrors } from '../directory/directory-rules';
import { notePath } from './note-rules';
import { NOTE_TEMPLATES_KEY, NOTES_KEY, notesApi } from './notes-api';
import { personOptions, usePeople } from './use-people';

/** A new note: its kind, title, addressee, a template of the organisation, and who may see it. */
export function NewNotePage() {
  const { t } = useTranslation();
  usePageTitle(t('notes.create.title'));
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const people = usePeople();
  const templates = useQuery({ queryKey: NOTE_TEMPLATES_KEY, queryFn: notesApi.templates, retry: false });
  const [kind, setKind] = useState<TNoteKind>('note_to_executive');
  const [title, setTitle] = useState('');
  const [addresseeId, setAddresseeId] = useState<string | null>(null);
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [confidentiality, setConfidentiality] = useState<TConfidentiality>('restricted');
  const [members, setMembers] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const addressees = people.filter((p) => p.role === 'executive' || p.role === 'official');
  // A template made for another kind would start the wrong document: offer the kind's and the general ones.
  const templateOptions = (templates.data?.data ?? [])
    .filter((x) => x.kind === null || x.kind === kind)
    .map((x) => ({ value: x.id, label: x.name }));

  const create = useMutation({
    mutationFn: (body: TCreateNote) => notesApi.create(body),
    onSuccess: async (note) => {
      notify('green', t('notes.create.done'));
      await queryClient.invalidateQueries({ queryKey: NOTES_KEY });
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
          <Select
            label={t('notes.fields.addressee')}
            description={t('notes.create.addresseeHelp')}
            data={personOptions(addressees)}
            value={addresseeId}
            onChange={setAddresseeId}
            searchable
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
            <MultiSelect
              label={t('notes.fields.members')}
              description={t('notes.create.membersHelp')}
              data={personOptions(people)}
              value={members}
              onChange={setMembers}
              searchable
              error={errors.members}
              required
            />
          )}
          <Group>
            <Button type="submit" loading={create.isPending}>
              {t('notes.create.submit')}
            </Button>
            <Button component={Link} to="/notes" variant="default">
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
