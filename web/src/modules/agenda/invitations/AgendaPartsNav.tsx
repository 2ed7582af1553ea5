import type { TRole } from '@dircab/contracts';
import { Anchor, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../../ui/me-context';
import { INVITATIONS_PATH, REPRESENTATION_PATH } from './invitations-api';

/** Who reads invitations and the representation report (the server's rule, for the links). */
const INVITATION_READERS: readonly TRole[] = ['executive', 'chief_of_staff', 'cabinet_head', 'secretariat', 'advisor'];
/** Whose day the phone view shows: officials, and those who keep their diaries. */
const DAY_READERS: readonly TRole[] = ['executive', 'chief_of_staff', 'cabinet_head', 'secretariat', 'official'];

/** The agenda's other pages, from the calendar: invitations, representations, the day on a phone, the feeds. */
export function AgendaPartsNav() {
  const { t } = useTranslation();
  const { role } = useMe();
  const links = [
    ...(INVITATION_READERS.includes(role)
      ? [
          { to: INVITATIONS_PATH, label: t('agendaInvitations.title') },
          { to: REPRESENTATION_PATH, label: t('agendaInvitations.report.open') },
        ]
      : []),
    ...(DAY_READERS.includes(role) ? [{ to: '/agenda/today', label: t('agendaToday.title') }] : []),
    { to: '/agenda/feeds', label: t('agendaFeeds.title') },
  ];
  return (
    <Group component="nav" aria-label={t('agendaInvitations.partsNav')} gap="md" mb="sm">
      {links.map((l) => (
        <Anchor key={l.to} component={Link} to={l.to} size="sm">
          {l.label}
        </Anchor>
      ))}
    </Group>
  );
}
