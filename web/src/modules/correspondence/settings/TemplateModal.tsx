import { ACK_MERGE_FIELDS, ACK_MERGE_SECTIONS, REPLY_MERGE_FIELDS } from '@dircab/contracts';
import { Alert, Button, Checkbox, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../../ui/problem-message';
import { fieldErrors } from '../../directory/directory-rules';
import { MergeFieldEditor, useTemplateEditor } from './MergeFieldEditor';
import { ackTemplatesApi, replyTemplatesApi } from './settings-api';

/** What both kinds of template share; an acknowledgement template may also be the default. */
export interface EditableTemplate {
  id: string;
  name: string;
  subject: string;
  bodyHtml: string;
  isDefault?: boolean;
}

interface Props {
  kind: 'reply' | 'ack';
  editing: EditableTemplate | 'new';
  onClose: () => void;
  onSaved: () => void;
}

const p = 'correspondenceSettings.templates';

/** Creates or edits a reply or acknowledgement template; the server's field errors show at the field. */
export function TemplateModal({ kind, editing, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 36em)');
  const start = editing === 'new' ? null : editing;
  const [name, setName] = useState(start?.name ?? '');
  const [subject, setSubject] = useState(start?.subject ?? '');
  const [isDefault, setIsDefault] = useState(start?.isDefault ?? false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const editor = useTemplateEditor(start?.bodyHtml ?? '', t(`${p}.body`));
  const fields =
    kind === 'reply'
      ? REPLY_MERGE_FIELDS.map((f) => ({ value: f, label: `${t(`${p}.fields.${f}`)} — {{${f}}}` }))
      : [
          ...ACK_MERGE_FIELDS.map((f) => ({ value: f, label: `${t(`${p}.fields.${f}`)} — {{${f}}}` })),
          ...ACK_MERGE_SECTIONS.map((s) => ({ value: `#${s}`, label: t(`${p}.sections.${s}`) })),
        ];

  const save = useMutation({
    mutationFn: () => {
      const body = {
        name: name.trim(),
        subject: subject.trim(),
        bodyHtml: editor?.isEmpty ? '' : (editor?.getHTML() ?? ''),
      };
      if (kind === 'ack') {
        const ack = { ...body, isDefault };
        return start ? ackTemplatesApi.update(start.id, ack) : ackTemplatesApi.create(ack);
      }
      return start ? replyTemplatesApi.update(start.id, body) : replyTemplatesApi.create(body);
    },
    onSuccess: onSaved,
    onError: (error) => setErrors(fieldErrors(error)),
  });

  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      fullScreen={phone}
      title={t(start ? `${p}.edit` : `${p}.create`)}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setErrors({});
          save.mutate();
        }}
      >
        <Stack>
          {save.isError && (
            <Alert color="red" role="alert" title={t(`${p}.failed`)}>
              {problemMessage(save.error, t)}
            </Alert>
          )}
          <TextInput
            label={t(`${p}.name`)}
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
          />
          <TextInput
            label={t(`${p}.subject`)}
            description={t(`${p}.subjectHelp`, { example: '{{item.subject}}', interpolation: { escapeValue: false } })}
            required
            value={subject}
            onChange={(e) => setSubject(e.currentTarget.value)}
            error={errors.subject}
          />
          <MergeFieldEditor editor={editor} label={t(`${p}.body`)} fields={fields} error={errors.bodyHtml} />
          {kind === 'ack' && (
            <Checkbox
              label={t(`${p}.isDefault`)}
              description={t(`${p}.isDefaultHelp`)}
              checked={isDefault}
              onChange={(e) => setIsDefault(e.currentTarget.checked)}
              error={errors.isDefault}
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
