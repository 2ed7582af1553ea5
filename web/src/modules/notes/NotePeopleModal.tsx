import { CONFIDENTIALITY_LEVELS, type TConfidentiality, type TNote, type TUpdateNote } from '@dircab/contracts';
import { Alert, Button, Group, Modal, Radio, Stack } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notify } from '../../ui/notify';
import { problemMessage } from '../../ui/problem-message';
import { fieldErrors } from '../directory/directory-rules';
import { ADDRESSEE_ROLES } from './note-rules';
import { NOTES_KEY, noteKey, notesApi } from './notes-api';
import { PeopleMultiSelect, PersonSelect } from './PeoplePicker';

/** The people named besides the author and the addressee, whom the server always names. */
export const explicitMembers = (note: TNote) =>
  note.members.filter((id) => id !== note.authorId && id !== note.addresseeId);

interface Props {
  note: TNote;
  opened: boolean;
  onClose: () => void;
}

/**
 * Who reads the note: its addressee, its level of confidentiality and the people named on it.
 * Only what changed is sent; the server audits the change and whoever is taken off a
 * confidential note loses it at once.
 */
export function NotePeopleModal({ note, opened, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('notes.people.title')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      size="lg"
    >
      {/* Mounted afresh each time it opens: it starts from the note as it is now. */}
      {opened && <NotePeopleForm note={note} onClose={onClose} />}
    </Modal>
  );
}

function NotePeopleForm({ note, onClose }: { note: TNote; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [addresseeId, setAddresseeId] = useState<string | null>(note.addresseeId);
  const [confidentiality, setConfidentiality] = useState<TConfidentiality>(note.confidentiality);
  const [members, setMembers] = useState<string[]>(explicitMembers(note));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: (body: TUpdateNote) => notesApi.update(note.id, body),
    onSuccess: async (saved) => {
      queryClient.setQueryData(noteKey(note.id), saved);
      notify('green', t('notes.people.saved'));
      onClose();
      await queryClient.invalidateQueries({ queryKey: NOTES_KEY });
    },
    onError: (e) => setErrors(fieldErrors(e)),
  });
  const submit = () => {
    const next: Record<string, string> = {};
    if (!addresseeId) next.addresseeId = t('notes.create.errors.addressee');
    if (confidentiality === 'confidential' && members.length === 0) next.members = t('notes.create.errors.members');
    setErrors(next);
    if (Object.keys(next).length > 0 || !addresseeId) return;
    const before = explicitMembers(note);
    const membersChanged = [...members].sort().join() !== [...before].sort().join();
    const body: TUpdateNote = {
      ...(addresseeId !== note.addresseeId ? { addresseeId } : {}),
      ...(confidentiality !== note.confidentiality ? { confidentiality } : {}),
      // A new addressee replaces the old one among the named: the list is sent whole then.
      ...(membersChanged || addresseeId !== note.addresseeId ? { members } : {}),
    };
    if (Object.keys(body).length === 0) {
      onClose();
      return;
    }
    save.mutate(body);
  };
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack>
        {save.isError && (
          <Alert color="red" role="alert" title={t('notes.people.failed')}>
            {problemMessage(save.error, t)}
          </Alert>
        )}
        <PersonSelect
          label={t('notes.fields.addressee')}
          description={t('notes.create.addresseeHelp')}
          roles={ADDRESSEE_ROLES}
          value={addresseeId}
          onChange={setAddresseeId}
          error={errors.addresseeId}
          required
        />
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
        <PeopleMultiSelect
          label={t('notes.fields.members')}
          description={
            confidentiality === 'confidential' ? t('notes.create.membersHelp') : t('notes.people.membersHelp')
          }
          value={members}
          onChange={setMembers}
          error={errors.members}
          required={confidentiality === 'confidential'}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('notes.people.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
