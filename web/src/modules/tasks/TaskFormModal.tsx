import type { TTask, TTaskLinkKind } from '@dircab/contracts';
import {
  Alert,
  Button,
  Group,
  Modal,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notify } from '../../ui/notify';
import { problemMessage } from '../../ui/problem-message';
import { MemberSelect } from '../cases/MemberMultiSelect';
import { RecordPicker } from '../cases/RecordPicker';
import { useServiceOptions } from '../correspondence/use-services';
import { fieldErrors } from '../directory/directory-rules';
import { TASKS_KEY, tasksApi } from './tasks-api';

interface Props {
  opened: boolean;
  onClose: () => void;
  /** The record the task is about (a case's page passes its own). */
  link?: { kind: TTaskLinkKind; id: string };
  /** Other lists that show the new task (the case's timeline). */
  invalidateKeys?: QueryKey[];
  onSaved?: (task: TTask) => void;
}

/** A task: what to do, for whom (a person or a service), by when, about which record. */
export function TaskFormModal({ opened, onClose, link, invalidateKeys = [], onSaved }: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('tasks.form.title')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {opened && <TaskForm onClose={onClose} link={link} invalidateKeys={invalidateKeys} onSaved={onSaved} />}
    </Modal>
  );
}

type AssigneeKind = 'person' | 'service';

/** The records a task is linked to from the tasks page (events link from the agenda). */
const PICKABLE_TASK_LINK_KINDS = ['case', 'correspondence', 'note', 'decision'] as const;
type PickableTaskLinkKind = (typeof PICKABLE_TASK_LINK_KINDS)[number];

function TaskForm({ onClose, link, invalidateKeys, onSaved }: Omit<Props, 'opened'>) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const services = useServiceOptions();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [assigneeKind, setAssigneeKind] = useState<AssigneeKind>('person');
  const [userId, setUserId] = useState<string | null>(null);
  const [serviceId, setServiceId] = useState<string | null>(null);
  const [dueDate, setDueDate] = useState('');
  // Without a record given (the tasks page), the user may pick one the task is about.
  const [linkKind, setLinkKind] = useState<PickableTaskLinkKind>('case');
  const [linkId, setLinkId] = useState<string | null>(null);
  const chosenLink = link ?? (linkId ? { kind: linkKind, id: linkId } : null);
  const save = useMutation({
    mutationFn: () =>
      tasksApi.create({
        title: title.trim(),
        ...(description.trim() ? { description: description.trim() } : {}),
        ...(assigneeKind === 'person' && userId ? { assigneeUserId: userId } : {}),
        ...(assigneeKind === 'service' && serviceId ? { assigneeServiceId: serviceId } : {}),
        ...(dueDate ? { dueDate } : {}),
        ...(chosenLink ? { link: chosenLink } : {}),
      }),
    onSuccess: async (created) => {
      notify('green', t('tasks.form.created', { title: created.title }));
      await Promise.all(
        [TASKS_KEY, ...(invalidateKeys ?? [])].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      );
      onSaved?.(created);
      onClose();
    },
  });
  const errors = fieldErrors(save.error);
  return (
    <form
      aria-label={t('tasks.form.title')}
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
        <TextInput
          label={t('tasks.fields.title')}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          required
          withAsterisk
          maxLength={300}
          error={errors.title}
          data-autofocus
        />
        <Textarea
          label={t('tasks.fields.description')}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          autosize
          minRows={2}
          error={errors.description}
        />
        <SegmentedControl
          aria-label={t('tasks.fields.assigneeKind')}
          value={assigneeKind}
          onChange={(v) => setAssigneeKind(v as AssigneeKind)}
          data={[
            { value: 'person', label: t('tasks.form.toPerson') },
            { value: 'service', label: t('tasks.form.toService') },
          ]}
          style={{ alignSelf: 'flex-start' }}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {assigneeKind === 'person' ? (
            <MemberSelect
              label={t('tasks.fields.assignee')}
              value={userId}
              onChange={setUserId}
              error={errors.assigneeUserId}
            />
          ) : (
            <Select
              label={t('tasks.fields.service')}
              data={services}
              value={serviceId}
              onChange={setServiceId}
              searchable
              clearable
              nothingFoundMessage={t('tasks.nothing')}
              error={errors.assigneeServiceId}
            />
          )}
          <TextInput
            type="date"
            label={t('tasks.fields.dueDate')}
            value={dueDate}
            onChange={(e) => setDueDate(e.currentTarget.value)}
            error={errors.dueDate}
          />
        </SimpleGrid>
        {!link && (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('tasks.fields.linkKind')}
              data={PICKABLE_TASK_LINK_KINDS.map((k) => ({ value: k, label: t(`tasks.linkKinds.${k}`) }))}
              value={linkKind}
              onChange={(k) => {
                if (!k) return;
                setLinkKind(k as PickableTaskLinkKind);
                setLinkId(null);
              }}
              allowDeselect={false}
            />
            <RecordPicker
              key={linkKind}
              kind={linkKind}
              label={t('tasks.fields.linkRecord')}
              value={linkId}
              onChange={setLinkId}
              optional
            />
          </SimpleGrid>
        )}
        {(errors['link.id'] || errors['link.kind']) && (
          <Alert color="red" role="alert">
            {errors['link.id'] ?? errors['link.kind']}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('tasks.form.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
