import { describe, expect, it } from 'vitest';
import { rememberedPasswordChecks } from './remembered-password-checks';

describe('remembered password checks (tests only)', () => {
  it('answers as scrypt does, and remembers only the exact pair', async () => {
    const checks = rememberedPasswordChecks();
    const hash = await checks.hash('correct-horse-battery-staple');
    const first = checks.verify({ hash, password: 'correct-horse-battery-staple' });
    expect(await first).toBe(true);
    // The same pair is answered from memory: the very same promise.
    expect(checks.verify({ hash, password: 'correct-horse-battery-staple' })).toBe(first);
    expect(await checks.verify({ hash, password: 'correct-horse-battery-stapl' })).toBe(false);
    const otherHash = await checks.hash('another password entirely');
    expect(await checks.verify({ hash: otherHash, password: 'correct-horse-battery-staple' })).toBe(false);
  });
});
