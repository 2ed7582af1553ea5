import { http } from '../../app/api/http';

export interface TotpEnrolment {
  totpURI: string;
  backupCodes: string[];
}

export const totpApi = {
  enable: (password: string) => http.post<TotpEnrolment>('/api/auth/two-factor/enable', { password }),
  confirm: (code: string) => http.post<unknown>('/api/auth/two-factor/verify-totp', { code }),
  disable: (password: string) => http.post<unknown>('/api/auth/two-factor/disable', { password }),
};

/** The base32 secret inside an otpauth:// URI, in groups of four for typing by hand. */
export function secretOf(totpURI: string): string {
  try {
    const secret = new URL(totpURI).searchParams.get('secret') ?? '';
    return secret.replace(/(.{4})/g, '$1 ').trim();
  } catch {
    return '';
  }
}
