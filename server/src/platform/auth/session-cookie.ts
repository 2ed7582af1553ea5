import { createHmac, timingSafeEqual } from 'node:crypto';

/** The cookie names better-auth uses for a session (from `auth.$context`'s `authCookies`). */
export interface SessionCookieNames {
  sessionToken: string;
  /** Cookies that change how better-auth answers (cookie cache, "don't remember me"). */
  others: readonly string[];
}

/**
 * What the Cookie header says about the session, read the way better-auth (better-call) reads
 * it: the first cookie of a name wins, values are URI-decoded, the token is signed with an
 * HMAC-SHA256 of the instance secret. `defer` means better-auth must answer itself (one of
 * its other cookies is there, so its own rules apply); `null` means no valid token.
 */
export function readSessionCookie(
  header: string | undefined,
  names: SessionCookieNames,
  secret: string,
): { token: string } | 'defer' | null {
  if (!header) return null;
  let signed: string | undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const key = part.slice(0, eq).trim();
    if (names.others.some((other) => key.startsWith(other))) return 'defer';
    if (key === names.sessionToken && signed === undefined) signed = decode(unquote(part.slice(eq + 1).trim()));
  }
  if (!signed) return null;
  const dot = signed.lastIndexOf('.');
  if (dot < 1) return null;
  const token = signed.slice(0, dot);
  const signature = signed.slice(dot + 1);
  if (signature.length !== 44 || !signature.endsWith('=')) return null;
  const expected = createHmac('sha256', secret).update(token).digest();
  const given = Buffer.from(signature, 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected) ? { token } : null;
}

function unquote(value: string): string {
  return value.startsWith('"') ? value.slice(1, -1) : value;
}

function decode(value: string): string {
  try {
    return value.includes('%') ? decodeURIComponent(value) : value;
  } catch {
    return value;
  }
}
