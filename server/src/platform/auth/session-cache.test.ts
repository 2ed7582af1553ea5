import { describe, expect, it } from 'vitest';
import type { SessionRow } from './find-session-row';
import { SessionCache } from './session-cache';

// The cache alone, on a clock of its own: what it answers, keeps and forgets.

const rowOf = (userId: string): SessionRow => ({
  sessionId: `s-${userId}`,
  expiresAt: new Date('2026-12-14T00:00:00Z'),
  activeOrgId: null,
  userId,
  name: 'Agent',
  email: `${userId}@test.example`,
  disabled: false,
  memberships: [],
});

function trustedCache(options: { maxEntries?: number; maxAgeMs?: number } = {}) {
  const clock = { now: 0 };
  const cache = new SessionCache({ ...options, now: () => clock.now });
  cache.trust(true);
  return { cache, clock };
}

describe('session cache', () => {
  it('answers nothing and keeps nothing while it is not trusted', () => {
    const cache = new SessionCache();
    cache.set('t1', rowOf('u1'), cache.generation);
    expect(cache.get('t1')).toBeUndefined();
    cache.trust(true);
    expect(cache.get('t1')).toBeUndefined();
    cache.set('t1', rowOf('u1'), cache.generation);
    expect(cache.get('t1')?.userId).toBe('u1');
    // Losing the listener forgets everything, and coming back starts empty.
    cache.trust(false);
    expect(cache.get('t1')).toBeUndefined();
    cache.trust(true);
    expect(cache.get('t1')).toBeUndefined();
  });

  it('drops a row read while the cache was emptied', () => {
    const { cache } = trustedCache();
    const before = cache.generation;
    cache.clear();
    cache.set('t1', rowOf('u1'), before);
    expect(cache.get('t1')).toBeUndefined();
    // Trust switched and back during the read: dropped as well.
    const during = cache.generation;
    cache.trust(false);
    cache.trust(true);
    cache.set('t1', rowOf('u1'), during);
    expect(cache.get('t1')).toBeUndefined();
  });

  it('forgets a row past its age and the oldest row beyond its size', () => {
    const { cache, clock } = trustedCache({ maxEntries: 2, maxAgeMs: 60_000 });
    cache.set('t1', rowOf('u1'), cache.generation);
    clock.now = 30_000;
    cache.set('t2', rowOf('u2'), cache.generation);
    cache.set('t3', rowOf('u3'), cache.generation);
    expect(cache.size).toBe(2);
    expect(cache.get('t1')).toBeUndefined();
    expect(cache.get('t2')?.userId).toBe('u2');
    clock.now = 90_001;
    expect(cache.get('t2')).toBeUndefined();
  });

  it('hands out copies, so a caller cannot alter the kept row', () => {
    const { cache } = trustedCache();
    const row = { ...rowOf('u1'), memberships: [{ role: 'advisor' as const, organisation: { id: 'o1' } as never }] };
    cache.set('t1', row, cache.generation);
    row.disabled = true;
    const first = cache.get('t1');
    if (!first) throw new Error('no row');
    first.memberships[0] = { ...first.memberships[0], role: 'admin' } as never;
    const second = cache.get('t1');
    expect(second?.disabled).toBe(false);
    expect(second?.memberships[0]?.role).toBe('advisor');
    expect(second?.expiresAt).toBeInstanceOf(Date);
  });
});
