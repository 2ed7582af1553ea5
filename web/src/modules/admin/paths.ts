/** Where the administration lives (module-registry.ts) and a member's own address in it. */
export const ADMIN_PATH = '/admin';

/** The address search hits of kind `member` point to: the admin page, that member's drawer open. */
export const memberPath = (userId: string) => `${ADMIN_PATH}/members/${encodeURIComponent(userId)}`;

/** The member of `/admin/members/:userId`, from the rest of the address below /admin (or null). */
export function memberIdOf(rest: string | undefined): string | null {
  const match = /^members\/([^/]+)\/?$/.exec(rest ?? '');
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    // A broken escape: still a member address, which the server will refuse (400).
    return match[1];
  }
}
