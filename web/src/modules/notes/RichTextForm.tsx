import '@mantine/tiptap/styles.css';
import { Button, Group, Stack, Text } from '@mantine/core';
import { Link, RichTextEditor } from '@mantine/tiptap';
import { useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

export interface RichTextAction {
  label: string;
  /** Receives the editor's HTML ('' when empty). */
  onClick: (html: string) => void;
  loading?: boolean;
  variant?: 'filled' | 'default' | 'light';
}

interface Props {
  label: string;
  initialHtml: string;
  actions: RichTextAction[];
  error?: string | undefined;
}

/**
 * Mantine's Tiptap editor with its toolbar and the buttons that save what is written. A
 * default export, loaded on demand: the lists and the reading folder never carry the editor.
 */
export default function RichTextForm({ label, initialHtml, actions, error }: Props) {
  const { t } = useTranslation();
  const labelId = useId();
  const editor = useEditor({
    extensions: [StarterKit.configure({ link: false }), Link],
    content: initialHtml,
    immediatelyRender: false,
    // Tiptap's area has no name of its own (STACK-NOTES: axe).
    editorProps: { attributes: { 'aria-label': label, 'aria-describedby': labelId } },
  });
  const html = () => (!editor || editor.isEmpty ? '' : editor.getHTML());
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500} id={labelId}>
        {label}
      </Text>
      <RichTextEditor
        editor={editor}
        labels={{
          boldControlLabel: t('correspondence.editor.bold'),
          italicControlLabel: t('correspondence.editor.italic'),
          underlineControlLabel: t('correspondence.editor.underline'),
          h2ControlLabel: t('notes.editor.heading'),
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
            <RichTextEditor.H2 />
            <RichTextEditor.BulletList />
            <RichTextEditor.OrderedList />
          </RichTextEditor.ControlsGroup>
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.Link />
            <RichTextEditor.Unlink />
          </RichTextEditor.ControlsGroup>
        </RichTextEditor.Toolbar>
        <RichTextEditor.Content mih={260} />
      </RichTextEditor>
      {error && (
        <Text size="sm" c="red.9" role="alert">
          {error}
        </Text>
      )}
      <Group mt="xs">
        {actions.map((a) => (
          <Button
            key={a.label}
            variant={a.variant ?? 'filled'}
            loading={a.loading ?? false}
            onClick={() => a.onClick(html())}
          >
            {a.label}
          </Button>
        ))}
      </Group>
    </Stack>
  );
}
