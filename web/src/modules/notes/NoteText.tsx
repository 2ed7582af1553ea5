import { Typography } from '@mantine/core';

/** The note's text as the server keeps it (sanitised to the letter subset of HTML). */
export function NoteText({ html, id }: { html: string; id?: string }) {
  return (
    <Typography>
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised by the server (sanitiseNoteHtml) */}
      <div id={id} dangerouslySetInnerHTML={{ __html: html }} />
    </Typography>
  );
}
