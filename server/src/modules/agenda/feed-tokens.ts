import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A feed's secret: 32 random bytes, base64url (43 characters), the only copy is the user's. */
export function newFeedToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What is stored and looked up: the SHA-256 of the token (a leaked table gives no address). */
export function hashFeedToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The stored hash matches the presented token, compared in constant time. */
export function sameFeedToken(token: string, storedHash: string): boolean {
  const a = Buffer.from(hashFeedToken(token), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

export function feedUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/$/, '')}/api/v1/calendars/${token}.ics`;
}
