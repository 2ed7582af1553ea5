import '@mantine/tiptap/styles.css';
import { Select, Stack, Text } from '@mantine/core';
import { Link, RichTextEditor } from '@mantine/tiptap';
import { type Editor, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/** Tiptap with the toolbar the reply editor has; the area is named by its label (axe). */
export function useTemplateEditor(initialHtml: string, label: string): Editor | null {
  return useEditor({
    extensions: [StarterKit.configure({ link: false }), Link],
    content: initialHtml,
    immediatelyRender: false,
    editorProps: { attributes: { 'aria-label': label } },
  });
}

interface Props {
  editor: Editor | null;
  label: string;
  /** The merge fields offered (`sender.name`), and sections (`#implicitRejection`). */
  fields: { value: string; label: string }[];
  error?: string | undefined;
}

/**
 * A template's body: rich text, and a list that inserts a merge field (`{{sender.name}}`) where
 * the cursor stands, so nobody has to remember how the fields are spelt.
 */
export function MergeFieldEditor({ editor, label, fields, error }: Props) {
  const { t } = useTranslation();
  const labelId = useId();
  const p = 'correspondenceSettings.editor';
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500} id={labelId}>
        {label}
      </Text>
      <Select
        label={t(`${p}.insertField`)}
        description={t(`${p}.insertFieldHelp`)}
        placeholder={t(`${p}.chooseField`)}
        data={fields}
        value={null}
        searchable
        onChange={(field) => {
          // `#section`: a block shown only when it applies, opened and closed around the cursor.
          const text = field?.startsWith('#') ? `{{${field}}} {{/${field.slice(1)}}}` : `{{${field}}}`;
          if (field) editor?.chain().focus().insertContent(text).run();
        }}
      />
      <RichTextEditor
        editor={editor}
        aria-labelledby={labelId}
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
        <RichTextEditor.Content mih={200} />
      </RichTextEditor>
      {error && (
        <Text size="sm" c="red.9" role="alert">
          {error}
        </Text>
      )}
    </Stack>
  );
}
