import { useTranslation } from 'react-i18next';
import { useMe } from '../../../ui/me-context';
import { canSetRetention, PRIVACY_PATH } from './privacy-rules';

/** DirectoryTabs' « Données personnelles » link, for the roles that set the retention periods. */
export function usePrivacyTab(): { to: string; label: string }[] {
  const { t } = useTranslation();
  const me = useMe();
  return canSetRetention(me.role) ? [{ to: PRIVACY_PATH, label: t('privacy.retention.tab') }] : [];
}
