import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decryptSecret, encryptSecret, mailKey } from './mail-secret';

describe('the mail password at rest', () => {
  const key = mailKey('test-secret-test-secret-test-secret-0123456789');

  it('round-trips any password, never writing it in clear, never twice the same', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 100, unit: 'grapheme' }), (password) => {
        const sealed = encryptSecret(password, key);
        expect(decryptSecret(sealed, key)).toBe(password);
        expect(sealed).not.toContain(password.length > 3 ? password : '\u0000');
        expect(encryptSecret(password, key)).not.toBe(sealed);
      }),
      { numRuns: 100 },
    );
  });

  it('refuses another instance’s key and a tampered value', () => {
    const sealed = encryptSecret('mot-de-passe', key);
    expect(() => decryptSecret(sealed, mailKey('another-secret-another-secret-0123456789'))).toThrow();
    const [v, iv, tag, data] = sealed.split('.');
    const flipped = `${data?.[0] === 'A' ? 'B' : 'A'}${data?.slice(1)}`;
    expect(() => decryptSecret([v, iv, tag, flipped].join('.'), key)).toThrow();
    expect(() => decryptSecret('clair', key)).toThrow(/Unreadable/);
  });
});
