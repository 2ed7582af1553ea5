import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../app/api/http';
import { ErrorState } from '../../../ui/ErrorState';

/** A section that failed to load; a 403 says plainly that the role may not change it. */
export function SectionError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  if (error instanceof ApiError && error.status === 403) {
    return (
      <Alert color="red" role="alert" title={t('correspondenceSettings.forbiddenTitle')}>
        {t('correspondenceSettings.forbidden')}
      </Alert>
    );
  }
  return <ErrorState error={error} onRetry={onRetry} />;
}
