import { Alert, Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../ui/problem-message';
import { fieldErrors } from './directory-rules';

export interface ReferenceField {
  name: string;
  label: string;
  required?: boolean;
  multiline?: boolean;
  type?: 'email' | 'tel';
  description?: string;
}

interface Props {
  opened: boolean;
  title: string;
  fields: ReferenceField[];
  initial: Record<string, string>;
  onClose: () => void;
  /** Resolves when saved; a rejection shows the server's message and its field errors. */
  onSubmit: (values: Record<string, string>) => Promise<unknown>;
}

/** The create/edit form of a territory or a service: a few text fields. */
export function ReferenceModal(props: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={props.title}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {props.opened && <ReferenceForm {...props} />}
    </Modal>
  );
}

function ReferenceForm({ fields, initial, onClose, onSubmit }: Props) {
  const { t } = useTranslation();
  const form = useForm<Record<string, string>>({
    initialValues: initial,
    validate: Object.fromEntries(
      fields
        .filter((f) => f.required)
        .map((f) => [f.name, (v: string) => (v?.trim() ? null : t('directory.reference.required'))]),
    ),
  });
  const submit = form.onSubmit(async (values) => {
    form.clearErrors();
    try {
      await onSubmit(values);
      onClose();
    } catch (error) {
      form.setErrors({ ...fieldErrors(error), _form: problemMessage(error, t) });
    }
  });
  const formError = form.errors._form;
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {formError && (
          <Alert color="red" role="alert" title={t('directory.form.failed')}>
            {formError}
          </Alert>
        )}
        {fields.map((f) =>
          f.multiline ? (
            <Textarea
              key={f.name}
              label={f.label}
              description={f.description}
              required={f.required}
              rows={3}
              {...form.getInputProps(f.name)}
            />
          ) : (
            <TextInput
              key={f.name}
              label={f.label}
              description={f.description}
              required={f.required}
              type={f.type}
              {...form.getInputProps(f.name)}
            />
          ),
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={form.submitting}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
