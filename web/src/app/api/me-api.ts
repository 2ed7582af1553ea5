import type { TLanguage } from '../../i18n/i18n';
import { http } from './http';

export const meApi = {
  /** The interface language, kept with the account so it follows the person everywhere. */
  saveLocale: (locale: TLanguage) => http.patch<void>('/api/v1/me', { locale }),
};
