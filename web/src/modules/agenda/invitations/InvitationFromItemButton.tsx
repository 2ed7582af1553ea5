import type { TCorrespondence } from '@dircab/contracts';
import { Button } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useHasModule, useMe } from '../../../ui/me-context';
import { correspondenceApi, TYPES_KEY } from '../../correspondence/correspondence-api';
import { canAnswerInvitations } from './invitation-rules';
import { invitationFromItemPath, invitationOfItemKey, invitationPath, invitationsApi } from './invitations-api';

/**
 * On an incoming letter of type « invitation »: « Créer l'invitation » (the form filled from the
 * letter), or « Voir l'invitation » once one was made of it. Shown to the diary keepers only.
 */
export function InvitationFromItemButton({ item }: { item: TCorrespondence }) {
  const me = useMe();
  const hasAgenda = useHasModule('agenda');
  const eligible = item.direction === 'in' && item.typeId !== null && hasAgenda && canAnswerInvitations(me.role);
  return eligible ? <InvitationLink item={item} /> : null;
}

function InvitationLink({ item }: { item: TCorrespondence }) {
  const { t } = useTranslation();
  const types = useQuery({ queryKey: TYPES_KEY, queryFn: correspondenceApi.types, staleTime: 5 * 60_000 });
  const isInvitation = types.data?.data.some((type) => type.id === item.typeId && type.code === 'invitation') ?? false;
  const existing = useQuery({
    queryKey: invitationOfItemKey(item.id),
    queryFn: () => invitationsApi.ofItem(item.id),
    enabled: isInvitation,
  });
  if (!isInvitation || !existing.isSuccess) return null;
  const made = existing.data.data[0];
  return made ? (
    <Button component={Link} to={invitationPath(made.id)} variant="default">
      {t('agendaInvitations.fromItem.open')}
    </Button>
  ) : (
    <Button component={Link} to={invitationFromItemPath(item.id)} variant="default">
      {t('agendaInvitations.fromItem.create')}
    </Button>
  );
}
