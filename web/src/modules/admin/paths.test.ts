import { describe, expect, it } from 'vitest';
import { memberIdOf, memberPath } from './paths';

describe('member addresses', () => {
  it('reads the member of the address below /admin, and nothing else', () => {
    expect(memberIdOf('members/0190a000-0000-7000-8000-0000000000b1')).toBe('0190a000-0000-7000-8000-0000000000b1');
    expect(memberIdOf('members/abc/')).toBe('abc');
    expect(memberIdOf('')).toBeNull();
    expect(memberIdOf(undefined)).toBeNull();
    expect(memberIdOf('members')).toBeNull();
    expect(memberIdOf('members/abc/history')).toBeNull();
    expect(memberIdOf('members/%E0%A4%A')).toBe('%E0%A4%A');
  });

  it('writes the address that it reads', () => {
    expect(memberPath('a b')).toBe('/admin/members/a%20b');
    expect(memberIdOf(memberPath('a b').slice('/admin/'.length))).toBe('a b');
  });
});
