import { http } from '../api/http';

export interface SignInAnswer {
  /** better-auth's twoFactor plugin: the password was right, a TOTP code is now needed. */
  twoFactorRedirect?: boolean;
}

export const authApi = {
  signIn: (email: string, password: string) =>
    http.post<SignInAnswer>('/api/auth/sign-in/email', { email, password, rememberMe: true }),
  verifyTotp: (code: string) => http.post<unknown>('/api/auth/two-factor/verify-totp', { code }),
  verifyBackupCode: (code: string) => http.post<unknown>('/api/auth/two-factor/verify-backup-code', { code }),
  signOut: () => http.post<unknown>('/api/auth/sign-out', {}),
};
