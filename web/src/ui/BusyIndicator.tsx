import { Loader, type LoaderProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * Mantine's Loader is a bare span: an aria-label on it is prohibited (axe aria-prohibited-attr)
 * and never read. The status role gives the label a meaning and announces the wait politely.
 */
export function BusyIndicator({ label, size }: { label?: string; size?: LoaderProps['size'] }) {
  const { t } = useTranslation();
  return <Loader size={size} role="status" aria-label={label ?? t('common.loading')} />;
}
