import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeMe, fetchAnswering, renderApp } from '../../test/render';
import { MembersSummaryPanel } from './MembersSummaryPanel';

afterEach(() => vi.unstubAllGlobals());

const ME = fakeMe('admin', ['home', 'audit', 'admin']);
const member = (active: boolean) => ({ userId: crypto.randomUUID(), active });

describe('MembersSummaryPanel', () => {
  it('counts every member and the active ones when one page holds them all', async () => {
    const page = { data: [member(true), member(true), member(false)], nextCursor: null, total: 3 };
    vi.stubGlobal('fetch', fetchAnswering(200, page).fn);
    renderApp(<MembersSummaryPanel />, { me: ME });
    expect(await screen.findByText('3 membres, dont 2 actifs.')).toBeDefined();
  });

  it('gives the server’s total past one page, never “more than”', async () => {
    const page = { data: [member(true), member(true)], nextCursor: 'next', total: 512 };
    vi.stubGlobal('fetch', fetchAnswering(200, page).fn);
    renderApp(<MembersSummaryPanel />, { me: ME });
    expect(await screen.findByText('512 membres.')).toBeDefined();
    expect(screen.queryByText(/Plus de/)).toBeNull();
  });
});
