import type { TInvitationStatus } from '@dircab/contracts';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

// Dark shades only: Mantine's light badges (and orange.9, 4.3:1) fail axe's contrast check.
const COLORS: Record<TInvitationStatus, string> = {
  pending: 'blue.9',
  accepted: 'teal.9',
  delegated: 'violet.9',
  declined: 'gray.8',
};

export function InvitationStatusBadge({ status }: { status: TInvitationStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="filled" color={COLORS[status]}>
      {t(`agendaInvitations.statuses.${status}`)}
    </Badge>
  );
}
