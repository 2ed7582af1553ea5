import '@mantine/tiptap/styles.css';
import { Button, Group, Stack, Text } from '@mantine/core';
import { Link, RichTextEditor } from '@mantine/tiptap';
import { useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useEffect, useId, useRef } from 'react';
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
  /** Saves on its own once the writer pauses (the text is never lost to a closed tab). */
  autosave?: ((html: string) => void) | undefined;
  /** Said under the editor: when the text was last saved on its own. */
  status?: string | undefined;
}

/** A pause long enough not to save every word, short enough to lose little. */
const AUTOSAVE_AFTER_MS = 15_000;

/**
 * Mantine's Tiptap editor with its toolbar and the buttons that save what is written. A
 * default export, loaded on demand: the lists and the reading folder never carry the editor.
 */
export default function RichTextForm({ label, initialHtml, actions, error, autosave, status }: Props) {
  const { t } = useTranslation();
  const labelId = useId();
  const editor = useEditor({
    extensions: [StarterKit.configure({ link: false }), Link],
    content: initialHtml,
    immediatelyRender: false,
    // Tiptap's area has no name of its own (STACK-NOTES: axe).
    editorProps: { attributes: { 'aria-label': label, 'aria-describedby': labelId } },
    // The editor of the event, not the render's: this callback outlives the first render.
    onUpdate: ({ editor: current }) => {
      if (!autosave) return;
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => autosave(current.isEmpty ? '' : current.getHTML()), AUTOSAVE_AFTER_MS);
    },
  });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // Leaving the page (or a save by button) cancels the pending autosave.
  useEffect(() => () => clearTimeout(timer.current ?? undefined), []);
  const html = () => (!editor || editor.isEmpty ? '' : editor.getHTML());
  const run = (action: RichTextAction) => {
    if (timer.current) clearTimeout(timer.current);
    action.onClick(html());
  };
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
      {status && (
        <Text size="sm" c="gray.8" aria-live="polite">
          {status}
        </Text>
      )}
      <Group mt="xs">
        {actions.map((a) => (
          <Button key={a.label} variant={a.variant ?? 'filled'} loading={a.loading ?? false} onClick={() => run(a)}>
            {a.label}
          </Button>
        ))}
      </Group>
    </Stack>
  );
}
