import { ROLES } from '@dircab/contracts';
import { useTranslation } from 'react-i18next';

/** The ten roles of DOMAIN.md as select options, with their French titles. */
export function useRoleOptions(): { value: string; label: string }[] {
  const { t } = useTranslation();
  return ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }));
}
