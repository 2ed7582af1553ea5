import { screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeMe, fetchRouting, renderApp } from '../../test/render';
import '../correspondence/test-stubs';
import { DecisionsPage } from './decisions/DecisionsPage';
import { NotePage } from './NotePage';
import { commonAnswer, MAYOR_ID, NOTE_ID, SERVICE_ID } from './test-fixtures';

afterEach(() => vi.unstubAllGlobals());

const DECISION_ID = '0190a000-0000-7000-8000-000000000a01';
const task = (n: number, patch: object) => ({
  id: `0190a000-0000-7000-8000-000000000b0${n}`,
  title: `Action ${n}`,
  description: '',
  assigneeUserId: null,
  assigneeServiceId: SERVICE_ID,
  dueDate: '2026-11-20',
  status: 'todo',
  link: { kind: 'decision', id: DECISION_ID },
  confidentiality: 'normal',
  overdue: false,
  createdById: MAYOR_ID,
  createdAt: '2026-11-01T22:00:00.000Z',
  updatedAt: '2026-11-01T22:00:00.000Z',
  completedAt: null,
  policies: {},
  ...patch,
});

describe('the decisions follow-up', { timeout: 20_000 }, () => {
  it('shows who decided, the progress, and flags the late action until it is done', async () => {
    const api = fetchRouting((_m, url) => {
      if (url.startsWith('/api/v1/decisions?'))
        return [
          200,
          {
            data: [
              {
                id: DECISION_ID,
                title: 'Réfection partielle du wharf',
                detail: '',
                decidedById: MAYOR_ID,
                decidedOn: '2026-11-01',
                noteId: NOTE_ID,
                caseId: null,
                confidentiality: 'normal',
                progress: { done: 1, total: 2 },
                overdue: true,
                done: false,
                createdAt: '2026-11-01T22:00:00.000Z',
                policies: {},
              },
            ],
            nextCursor: null,
          },
        ];
      if (url.startsWith('/api/v1/tasks?'))
        return [
          200,
          {
            data: [task(1, { overdue: true }), task(2, { status: 'done', completedAt: '2026-11-10T22:00:00.000Z' })],
            nextCursor: null,
          },
        ];
      return commonAnswer(url);
    });
    vi.stubGlobal('fetch', api.fn);
    renderApp(<DecisionsPage />, { path: '/notes/decisions', me: fakeMe('executive', ['notes']) });
    const card = await screen.findByRole('article', { name: 'Réfection partielle du wharf' });
    expect(within(card).getByText('Action en retard')).toBeDefined();
    expect(within(card).getByText('1 action(s) faite(s) sur 2')).toBeDefined();
    expect(await within(card).findByText(/Décidé par Hélène Boyer le 01\/11\/2026/)).toBeDefined();
    const late = await within(card).findByRole('row', { name: /Action 1/ });
    expect(within(late).getByText(/en retard/)).toBeDefined();
    expect(within(late).getByText('Services techniques')).toBeDefined();
    const done = within(card).getByRole('row', { name: /Action 2/ });
    expect(within(done).queryByText(/en retard/)).toBeNull();
    expect(within(done).getByText('Faite')).toBeDefined();
    expect(api.calls.some((c) => c.url.includes('view=open'))).toBe(true);
  });
});

describe('a contributor opening the note of their task', { timeout: 20_000 }, () => {
  it('lands on their section, since the note itself is not theirs to read', async () => {
    const api = fetchRouting((_m, url) => {
      if (url === `/api/v1/notes/${NOTE_ID}/contributions`)
        return [200, { data: [{ id: 'c1', noteId: NOTE_ID, noteTitle: 'Cantine' }] }];
      if (url === `/api/v1/notes/${NOTE_ID}`) return [404, { title: 'Introuvable', status: 404 }];
      return undefined;
    });
    vi.stubGlobal('fetch', api.fn);
    renderApp(
      <Routes>
        <Route path="/notes/:id" element={<NotePage />} />
        <Route path="/notes/:id/contributions/:cid" element={<p>Section c1</p>} />
      </Routes>,
      { path: `/notes/${NOTE_ID}`, me: fakeMe('services', ['notes']) },
    );
    expect(await screen.findByText('Section c1', {}, { timeout: 5_000 })).toBeDefined();
  });
});
