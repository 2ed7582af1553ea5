import type { TCase } from '@dircab/contracts';
import { Button } from '@mantine/core';
import { IconFileText } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../ui/me-context';
import { canWriteNotes } from './note-rules';

/**
 * « Rédiger une note » on a case's page: the note creation with the case filled in, for the
 * note writers who may link records to this case (the server checks both again).
 */
export function WriteNoteForCaseButton({ value }: { value: TCase }) {
  const { t } = useTranslation();
  const me = useMe();
  if (!canWriteNotes(me.role) || value.policies.link !== true) return null;
  return (
    <Button
      component={Link}
      to={`/notes/new?caseId=${encodeURIComponent(value.id)}`}
      variant="default"
      leftSection={<IconFileText size={18} aria-hidden />}
    >
      {t('notes.create.forCaseButton')}
    </Button>
  );
}
