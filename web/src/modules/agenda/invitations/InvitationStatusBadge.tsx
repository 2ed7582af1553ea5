import type { TInvitationStatus } from '@dircab/contracts';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

// Filled dark shades only: Mantine's light badges fail axe's contrast check.
const COLORS: Record<TInvitationStatus, string> = {
  pending: 'orange.9',
  accepted: 'green.9',
  delegated: 'blue.9',
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
