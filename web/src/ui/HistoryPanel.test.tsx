import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeMe, fetchAnswering, renderApp } from '../test/render';
import { HistoryPanel } from './HistoryPanel';

afterEach(() => vi.unstubAllGlobals());

const ENTRY = {
  id: '0190a000-0000-7000-8000-0000000000aa',
  actorId: '0190a000-0000-7000-8000-000000000002',
  actorName: 'Laurent Petitjean',
  action: 'member.update',
  recordType: 'member',
  recordId: 'u1',
  summary: { before: { role: 'advisor' }, after: { role: 'cabinet_head' } },
  ip: '127.0.0.1',
  at: '2026-03-01T22:30:00Z',
};

describe('HistoryPanel', () => {
  it('lists the entries of the record, in French, with the change', async () => {
    const api = fetchAnswering(200, { data: [ENTRY], nextCursor: null });
    vi.stubGlobal('fetch', api.fn);
    renderApp(<HistoryPanel recordType="member" recordId="u1" />, { me: fakeMe('admin', ['home', 'audit', 'admin']) });
    expect(await screen.findByText('Membre modifié')).toBeDefined();
    expect(screen.getByText(/Conseiller\(ère\) → Chef\(fe\) de cabinet/)).toBeDefined();
    expect(api.calls[0]?.url).toBe('/api/v1/audit?recordType=member&recordId=u1&limit=10');
  });

  it('renders nothing for a role without the audit module', () => {
    const api = fetchAnswering(200, { data: [], nextCursor: null });
    vi.stubGlobal('fetch', api.fn);
    renderApp(<HistoryPanel recordType="member" recordId="u1" />, {
      me: fakeMe('advisor', ['home', 'search']),
    });
    expect(screen.queryByRole('heading', { name: 'Historique' })).toBeNull();
    expect(api.calls).toHaveLength(0);
  });
});
