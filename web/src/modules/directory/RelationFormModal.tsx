import type { TContact, TRelation } from '@dircab/contracts';
import { Alert, Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notify } from '../../ui/notify';
import { problemMessage } from '../../ui/problem-message';
import { ContactPicker } from './ContactPicker';
import { contactLinksApi, relationsKey, timelineKey } from './contact-links-api';
import { fieldErrors } from './directory-rules';
import { choiceOf, parseChoice, type RelationChoice, relationChoices } from './relation-options';

interface Props {
  contact: TContact;
  /** The relation to edit; absent: a new one. */
  relation?: TRelation | undefined;
  opened: boolean;
  onClose: () => void;
}

/** Adds or edits a relation of the page's contact: who, which relation, a role, dates. */
export function RelationFormModal({ contact, relation, opened, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={relation ? t('relations.editTitle') : t('relations.addTitle')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {opened && <RelationForm contact={contact} relation={relation} onDone={onClose} />}
    </Modal>
  );
}

function RelationForm({
  contact,
  relation,
  onDone,
}: {
  contact: TContact;
  relation?: TRelation | undefined;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [otherId, setOtherId] = useState<string | null>(relation?.other.id ?? null);
  const [choice, setChoice] = useState<RelationChoice | null>(
    relation ? choiceOf(relation.kind, relation.direction) : null,
  );
  const [label, setLabel] = useState(relation?.label ?? '');
  const [startDate, setStartDate] = useState(relation?.startDate ?? '');
  const [endDate, setEndDate] = useState(relation?.endDate ?? '');
  const [missing, setMissing] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: async () => {
      const { kind, direction } = parseChoice(choice as RelationChoice);
      const common = { kind, label: label.trim() || null, startDate: startDate || null, endDate: endDate || null };
      return relation
        ? contactLinksApi.updateRelation(contact.id, relation.id, common)
        : contactLinksApi.createRelation(contact.id, { ...common, otherContactId: otherId as string, direction });
    },
    onSuccess: async () => {
      notify('green', relation ? t('relations.updated') : t('relations.added'));
      await queryClient.invalidateQueries({ queryKey: relationsKey(contact.id) });
      await queryClient.invalidateQueries({ queryKey: timelineKey(contact.id) });
      onDone();
    },
  });
  const errors = { ...fieldErrors(save.error), ...missing };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const required: Record<string, string> = {};
    if (!relation && !otherId) required.otherContactId = t('relations.otherRequired');
    if (!choice) required.kind = t('relations.kindRequired');
    setMissing(required);
    if (Object.keys(required).length === 0) save.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {save.isError && (
          <Alert color="red" role="alert" title={t('relations.failed')}>
            {problemMessage(save.error, t)}
          </Alert>
        )}
        <Select
          label={t('relations.kind', { name: contact.displayName })}
          data={relationChoices(t, relation?.direction)}
          value={choice}
          onChange={(v) => setChoice(v as RelationChoice | null)}
          withAsterisk
          error={errors.kind}
          allowDeselect={false}
        />
        {relation ? (
          <TextInput label={t('relations.other')} value={relation.other.displayName} readOnly />
        ) : (
          <ContactPicker
            label={t('relations.other')}
            value={otherId}
            onChange={setOtherId}
            excludeId={contact.id}
            error={errors.otherContactId}
          />
        )}
        <TextInput
          label={t('relations.label')}
          description={t('relations.labelHelp')}
          value={label}
          onChange={(e) => setLabel(e.currentTarget.value)}
          error={errors.label}
        />
        <Group grow>
          <TextInput
            type="date"
            label={t('relations.startDate')}
            value={startDate}
            onChange={(e) => setStartDate(e.currentTarget.value)}
            error={errors.startDate}
          />
          <TextInput
            type="date"
            label={t('relations.endDate')}
            value={endDate}
            onChange={(e) => setEndDate(e.currentTarget.value)}
            error={errors.endDate}
          />
        </Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {relation ? t('common.save') : t('relations.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
