import { NOTE_KINDS, type TNoteKind, type TNoteTemplate } from '@dircab/contracts';
import { Alert, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../../ui/problem-message';
import { fieldErrors } from '../../directory/directory-rules';
import { notesApi } from '../notes-api';

const RichTextForm = lazy(() => import('../RichTextForm'));

interface Props {
  editing: TNoteTemplate | 'new';
  onDone: (saved: boolean) => void;
}

/** Creates or edits one template: its name, the kind it serves (or every kind), its starting text. */
export function TemplateForm({ editing, onDone }: Props) {
  const { t } = useTranslation();
  const start = editing === 'new' ? null : editing;
  const [name, setName] = useState(start?.name ?? '');
  const [kind, setKind] = useState<TNoteKind | null>(start?.kind ?? null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: (bodyHtml: string) => {
      const body = { name: name.trim(), kind, bodyHtml };
      return start ? notesApi.updateTemplate(start.id, body) : notesApi.createTemplate(body);
    },
    onSuccess: () => onDone(true),
    onError: (e) => setErrors(fieldErrors(e)),
  });
  const submit = (bodyHtml: string) => {
    if (!name.trim()) {
      setErrors({ name: t('notes.templates.errors.name') });
      return;
    }
    setErrors({});
    save.mutate(bodyHtml);
  };
  return (
    <Stack>
      <Text fw={500}>{t(start ? 'notes.templates.edit' : 'notes.templates.create')}</Text>
      {save.isError && (
        <Alert color="red" role="alert" title={t('notes.templates.failed')}>
          {problemMessage(save.error, t)}
        </Alert>
      )}
      <TextInput
        label={t('notes.templates.name')}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        error={errors.name}
        required
      />
      <Select
        label={t('notes.fields.kind')}
        placeholder={t('notes.templates.anyKind')}
        data={NOTE_KINDS.map((k) => ({ value: k, label: t(`notes.kinds.${k}`) }))}
        value={kind}
        onChange={(v) => setKind(v as TNoteKind | null)}
        clearable
        error={errors.kind}
      />
      <Suspense fallback={<Text>{t('common.loading')}</Text>}>
        <RichTextForm
          label={t('notes.templates.body')}
          initialHtml={start?.bodyHtml ?? ''}
          error={errors.bodyHtml}
          actions={[{ label: t('notes.templates.save'), loading: save.isPending, onClick: submit }]}
        />
      </Suspense>
      <Group>
        <Button variant="default" onClick={() => onDone(false)}>
          {t('common.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}
