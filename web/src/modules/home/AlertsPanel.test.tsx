import type { TAlert } from '@dircab/contracts';
import { act, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeMe, fetchRouting, renderApp } from '../../test/render';
import { AlertsPanel } from './AlertsPanel';
import HomePage from './HomePage';

/** A stand-in for the browser's EventSource that the test drives. */
class FakeEventSource {
  static CONNECTING = 0;
  static OPEN = 1;
  static CLOSED = 2;
  static opened: FakeEventSource[] = [];
  readyState = FakeEventSource.CONNECTING;
  onerror: (() => void) | null = null;
  private listeners = new Map<string, (() => void)[]>();
  constructor(
    readonly url: string,
    readonly init?: EventSourceInit,
  ) {
    FakeEventSource.opened.push(this);
  }
  addEventListener(type: string, listener: () => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  emit(type: string) {
    if (type === 'ready') this.readyState = FakeEventSource.OPEN;
    for (const l of this.listeners.get(type) ?? []) l();
  }
  fail(closed: boolean) {
    this.readyState = closed ? FakeEventSource.CLOSED : FakeEventSource.CONNECTING;
    this.onerror?.();
  }
  close() {
    this.readyState = FakeEventSource.CLOSED;
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
  FakeEventSource.opened = [];
});

const alert = (n: number, over: Partial<TAlert> = {}): TAlert => ({
  id: `case.escalated:${n}`,
  kind: 'case.escalated',
  priority: 'critical',
  title: `Dossier ${n}`,
  detail: 'À voir avant vendredi.',
  url: `/cases/${n}`,
  at: '2026-12-01T00:00:00.000Z',
  ...over,
});

describe('the alert feed', () => {
  it('lists the alerts with their priority and kind, each linking to its record, and re-reads on a signal', async () => {
    vi.stubGlobal('EventSource', FakeEventSource);
    let feed = [alert(1)];
    const api = fetchRouting((_m, url) => (url.startsWith('/api/v1/alerts?') ? [200, { data: feed }] : undefined));
    vi.stubGlobal('fetch', api.fn);
    renderApp(<AlertsPanel />, { me: fakeMe('executive', ['cases']) });
    const panel = screen.getByRole('region', { name: 'Alertes' });
    const link = await within(panel).findByRole('link', { name: 'Dossier 1' });
    expect(link.getAttribute('href')).toBe('/cases/1');
    expect(within(panel).getByText('Urgent')).toBeDefined();
    expect(within(panel).getByText(/Dossier signalé/)).toBeDefined();
    expect(FakeEventSource.opened.map((s) => s.url)).toEqual(['/api/v1/alerts/stream']);

    const source = FakeEventSource.opened[0] as FakeEventSource;
    act(() => source.emit('ready'));
    expect(await within(panel).findByText('Mis à jour en direct')).toBeDefined();
    // A change elsewhere: the stream says so, the panel reads the feed again, with its rights.
    feed = [alert(2, { priority: 'normal', kind: 'task.overdue', title: 'Tâche 2', url: '/tasks/2' }), alert(1)];
    act(() => source.emit('alerts'));
    expect(await within(panel).findByRole('link', { name: 'Tâche 2' })).toBeDefined();
    expect(within(panel).getByText(/Tâche en retard/)).toBeDefined();
  });

  it('opens the stream again after the server refused it, and says it is reconnecting meanwhile', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    vi.stubGlobal('EventSource', FakeEventSource);
    vi.stubGlobal(
      'fetch',
      fetchRouting((_m, url) => (url.startsWith('/api/v1/alerts?') ? [200, { data: [] }] : undefined)).fn,
    );
    renderApp(<AlertsPanel />, { me: fakeMe('chief_of_staff', ['cases']) });
    expect(await screen.findByText('Aucune alerte : rien ne demande votre attention pour le moment.')).toBeDefined();
    const first = FakeEventSource.opened[0] as FakeEventSource;
    // A dropped connection the browser retries by itself: no second stream from the panel.
    act(() => first.fail(false));
    expect(screen.getByText('Fil en direct interrompu, reconnexion…')).toBeDefined();
    expect(FakeEventSource.opened).toHaveLength(1);
    // A stream the browser gave up on (an error answer): the panel opens one after a pause.
    act(() => first.fail(true));
    await act(async () => {
      await vi.advanceTimersByTimeAsync(2_100);
    });
    expect(FakeEventSource.opened).toHaveLength(2);
  });
});

describe('the home page', () => {
  it('shows the feed to the executive, the chief of staff and the cabinet head only', async () => {
    vi.stubGlobal('EventSource', FakeEventSource);
    vi.stubGlobal(
      'fetch',
      fetchRouting((_m, url) => (url.startsWith('/api/v1/alerts?') ? [200, { data: [] }] : undefined)).fn,
    );
    const first = renderApp(<HomePage />, { me: fakeMe('cabinet_head', []) });
    expect(screen.getByRole('region', { name: 'Alertes' })).toBeDefined();
    first.unmount();
    renderApp(<HomePage />, { me: fakeMe('advisor', []) });
    expect(screen.getByRole('heading', { level: 1 })).toBeDefined();
    expect(screen.queryByRole('region', { name: 'Alertes' })).toBeNull();
  });
});
