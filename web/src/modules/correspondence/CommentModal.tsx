import { Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  opened: boolean;
  title: string;
  /** The text field's label, and whether it must be filled. */
  label: string;
  required: boolean;
  /** A second, one-line field before the text (the authority a letter is forwarded to). */
  line?: { label: string };
  submitLabel: string;
  loading: boolean;
  /** The server's refusal, in French. */
  error?: string | null;
  onClose: () => void;
  onSubmit: (text: string, line: string) => void;
}

/** A decision with its comment: return with a reason, close without reply, wait, forward. */
export function CommentModal(props: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [line, setLine] = useState('');
  const [errors, setErrors] = useState<{ text?: string; line?: string }>({});
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={props.title}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const next = {
            ...(props.line && !line.trim() ? { line: t('correspondence.actions.required') } : {}),
            ...(props.required && !text.trim() ? { text: t('correspondence.actions.required') } : {}),
          };
          setErrors(next);
          if (Object.keys(next).length === 0) props.onSubmit(text.trim(), line.trim());
        }}
      >
        <Stack>
          {props.line && (
            <TextInput
              label={props.line.label}
              value={line}
              onChange={(e) => setLine(e.currentTarget.value)}
              error={errors.line}
              required
              data-autofocus
            />
          )}
          <Textarea
            label={props.label}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            error={errors.text ?? props.error}
            required={props.required}
            autosize
            minRows={3}
            data-autofocus={props.line ? undefined : true}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={props.loading}>
              {props.submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
