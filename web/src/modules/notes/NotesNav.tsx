import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useMe } from '../../ui/me-context';
import { canWriteNotes, hasReadingFolder } from './note-rules';

/** The notes module's own pages, as the role may use them. */
export function NotesNav() {
  const { t } = useTranslation();
  const { role } = useMe();
  const links = [
    { to: '/notes', label: t('notes.nav.list'), show: true },
    { to: '/notes/reading-folder', label: t('notes.nav.readingFolder'), show: hasReadingFolder(role) },
    { to: '/notes/decisions', label: t('notes.nav.decisions'), show: canWriteNotes(role) || role === 'official' },
    { to: '/notes/contributions', label: t('notes.nav.contributions'), show: true },
    { to: '/notes/templates', label: t('notes.nav.templates'), show: canWriteNotes(role) },
  ];
  return (
    <Group component="nav" aria-label={t('notes.nav.label')} gap="xs">
      {links
        .filter((l) => l.show)
        .map((l) => (
          <Button key={l.to} component={NavLink} to={l.to} end variant="subtle" size="compact-sm">
            {l.label}
          </Button>
        ))}
    </Group>
  );
}
