import '@mantine/tiptap/styles.css';
import type { TReply, TSaveReply } from '@dircab/contracts';
import { Alert, Button, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { Link, RichTextEditor } from '@mantine/tiptap';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notify } from '../../ui/notify';
import { problemMessage } from '../../ui/problem-message';
import { fieldErrors } from '../directory/directory-rules';
import { CORRESPONDENCE_KEY, correspondenceApi, itemKey, TEMPLATES_KEY } from './correspondence-api';

interface Props {
  itemId: string;
  /** The draft so far; the writer of the item by default. */
  reply: TReply | null;
  defaultRecipient: { name: string; email: string | null; address: string | null };
  /** The item's subject: the reply's until someone writes another. */
  defaultSubject: string;
  onDone: () => void;
}

/**
 * The reply's rich-text editor (Mantine's Tiptap), its recipient and the templates. Loaded
 * on demand: the inbox never carries the editor.
 */
export default function ReplyEditor({ itemId, reply, defaultRecipient, defaultSubject, onDone }: Props) {
  const { t } = useTranslation();
  const labelId = useId();
  const queryClient = useQueryClient();
  const recipient = reply?.recipient ?? defaultRecipient;
  const [subject, setSubject] = useState(reply?.subject ?? defaultSubject);
  const [name, setName] = useState(recipient.name);
  const [email, setEmail] = useState(recipient.email ?? '');
  const [address, setAddress] = useState(recipient.address ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const templates = useQuery({ queryKey: TEMPLATES_KEY, queryFn: correspondenceApi.templates, retry: false });
  const editor = useEditor({
    extensions: [StarterKit.configure({ link: false }), Link],
    content: reply?.bodyHtml ?? '',
    immediatelyRender: false,
    // Tiptap's area has no name of its own (STACK-NOTES: axe).
    editorProps: { attributes: { 'aria-label': t('correspondence.reply.body'), 'aria-describedby': labelId } },
  });
  const save = useMutation({
    mutationFn: (body: TSaveReply) => correspondenceApi.saveReply(itemId, body),
    onSuccess: async (saved, body) => {
      queryClient.setQueryData(itemKey(itemId), saved);
      if (body.templateId) {
        // The template filled the draft: show what the server merged.
        editor?.commands.setContent(saved.reply?.bodyHtml ?? '');
        setSubject(saved.reply?.subject ?? '');
        notify('green', t('correspondence.reply.templateApplied'));
      } else {
        notify('green', t('correspondence.reply.saved'));
      }
      await queryClient.invalidateQueries({ queryKey: CORRESPONDENCE_KEY });
      if (!body.templateId) onDone();
    },
    onError: (error) => setErrors(fieldErrors(error)),
  });

  const submit = () => {
    const html = editor?.getHTML() ?? '';
    const empty = !editor || editor.isEmpty;
    const next: Record<string, string> = {};
    if (!subject.trim()) next.subject = t('correspondence.reply.errors.subject');
    if (empty) next.bodyHtml = t('correspondence.reply.errors.body');
    if (!name.trim()) next['recipient.name'] = t('correspondence.reply.errors.recipient');
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    save.mutate({
      subject: subject.trim(),
      bodyHtml: html,
      recipient: { name: name.trim(), email: email.trim() || null, address: address.trim() || null },
    });
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
          <Alert color="red" role="alert" title={t('correspondence.reply.failed')}>
            {problemMessage(save.error, t)}
          </Alert>
        )}
        {(templates.data?.data.length ?? 0) > 0 && (
          <Select
            label={t('correspondence.reply.template')}
            description={t('correspondence.reply.templateHelp')}
            data={(templates.data?.data ?? []).map((x) => ({ value: x.id, label: x.name }))}
            value={null}
            onChange={(id) => id && save.mutate({ templateId: id })}
          />
        )}
        <TextInput
          label={t('correspondence.reply.subject')}
          value={subject}
          onChange={(e) => setSubject(e.currentTarget.value)}
          error={errors.subject}
          required
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={t('correspondence.reply.recipientName')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors['recipient.name']}
            required
          />
          <TextInput
            label={t('correspondence.reply.recipientEmail')}
            type="email"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={errors['recipient.email']}
          />
          <TextInput
            label={t('correspondence.reply.recipientAddress')}
            value={address}
            onChange={(e) => setAddress(e.currentTarget.value)}
            error={errors['recipient.address']}
          />
        </SimpleGrid>
        <Stack gap={4}>
          <Text size="sm" fw={500} id={labelId}>
            {t('correspondence.reply.body')}
          </Text>
          <RichTextEditor
            editor={editor}
            labels={{
              boldControlLabel: t('correspondence.editor.bold'),
              italicControlLabel: t('correspondence.editor.italic'),
              underlineControlLabel: t('correspondence.editor.underline'),
              bulletListControlLabel: t('correspondence.editor.bulletList'),
              orderedListControlLabel: t('correspondence.editor.orderedList'),
              linkControlLabel: t('correspondence.editor.link'),
              unlinkControlLabel: t('correspondence.editor.unlink'),
              linkEditorInputLabel: t('correspondence.editor.linkInput'),
              linkEditorInputPlaceholder: 'https://',
              linkEditorSave: t('common.save'),
            }}
          >
            <RichTextEditor.Toolbar>
              <RichTextEditor.ControlsGroup>
                <RichTextEditor.Bold />
                <RichTextEditor.Italic />
                <RichTextEditor.Underline />
              </RichTextEditor.ControlsGroup>
              <RichTextEditor.ControlsGroup>
                <RichTextEditor.BulletList />
                <RichTextEditor.OrderedList />
              </RichTextEditor.ControlsGroup>
              <RichTextEditor.ControlsGroup>
                <RichTextEditor.Link />
                <RichTextEditor.Unlink />
              </RichTextEditor.ControlsGroup>
            </RichTextEditor.Toolbar>
            <RichTextEditor.Content mih={220} />
          </RichTextEditor>
          {errors.bodyHtml && (
            <Text size="sm" c="red.9" role="alert">
              {errors.bodyHtml}
            </Text>
          )}
        </Stack>
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('correspondence.reply.save')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
