import type { BetterAuthOptions } from 'better-auth';

type RateLimitStorage = NonNullable<NonNullable<BetterAuthOptions['rateLimit']>['customStorage']>;

/** Past this many addresses, the oldest windows are dropped first (a flood of addresses stays bounded). */
const MAX_KEYS = 100_000;

/**
 * Request counts per address and path for better-auth's rate limits, owned by one server
 * instance: better-auth's own memory store is one map for the whole process, so two servers
 * in one process (the test suite runs many) would share, and exhaust, each other's counts.
 */
export function createAttemptCounter(): RateLimitStorage {
  const windows = new Map<string, { count: number; startedAt: number }>();
  return {
    async consume(key, rule) {
      const now = Date.now();
      const windowMs = rule.window * 1000;
      const current = windows.get(key);
      if (!current || now - current.startedAt >= windowMs) {
        if (windows.size >= MAX_KEYS) forgetOldest(windows, now, windowMs);
        windows.set(key, { count: 1, startedAt: now });
        return { allowed: true, retryAfter: null };
      }
      if (current.count >= rule.max) {
        return { allowed: false, retryAfter: Math.ceil((current.startedAt + windowMs - now) / 1000) };
      }
      current.count += 1;
      return { allowed: true, retryAfter: null };
    },
  };
}

function forgetOldest(windows: Map<string, { startedAt: number }>, now: number, windowMs: number): void {
  for (const [key, entry] of windows) if (now - entry.startedAt >= windowMs) windows.delete(key);
  // Still full: the map keeps insertion order, so the first keys are the oldest windows.
  for (const key of windows.keys()) {
    if (windows.size < MAX_KEYS) break;
    windows.delete(key);
  }
}
