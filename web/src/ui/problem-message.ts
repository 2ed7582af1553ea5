import type { TFunction } from 'i18next';
import { ApiError } from '../app/api/http';

/** The server's French explanation when it gave one, a generic sentence otherwise. */
export function problemMessage(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    if (error.problem?.detail) return error.problem.detail;
    if (error.status === 429) return t('errors.rateLimited');
    if (error.status >= 500) return t('errors.server');
  }
  if (error instanceof TypeError) return t('errors.network');
  return t('errors.generic');
}
