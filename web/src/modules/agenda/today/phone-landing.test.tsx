import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeMe, renderApp } from '../../../test/render';
import { PhoneLanding } from './PhoneLanding';

const original = window.matchMedia;
afterEach(() => {
  window.matchMedia = original;
});

/** A screen as narrow as a phone, or not. */
function screenIsPhone(phone: boolean) {
  window.matchMedia = vi.fn((query: string) => ({
    ...original(query),
    matches: phone && query.includes('max-width'),
  })) as typeof window.matchMedia;
}

function renderAgenda(role: 'official' | 'secretariat', path = '/agenda') {
  renderApp(
    <Routes>
      <Route
        path="/agenda"
        element={
          <PhoneLanding>
            <p>Calendrier</p>
          </PhoneLanding>
        }
      />
      <Route path="/agenda/today" element={<p>Ma journée</p>} />
    </Routes>,
    { path, me: fakeMe(role, ['agenda']) },
  );
}

describe('opening the agenda', () => {
  it('takes an official on a phone to their day', () => {
    screenIsPhone(true);
    renderAgenda('official');
    expect(screen.getByText('Ma journée')).toBeDefined();
  });

  it('keeps the calendar on a wide screen', () => {
    screenIsPhone(false);
    renderAgenda('official');
    expect(screen.getByText('Calendrier')).toBeDefined();
  });

  it('keeps the calendar for the secretariat on a phone', () => {
    screenIsPhone(true);
    renderAgenda('secretariat');
    expect(screen.getByText('Calendrier')).toBeDefined();
  });

  it('keeps the calendar when the address asks for a view', () => {
    screenIsPhone(true);
    renderAgenda('official', '/agenda?view=list');
    expect(screen.getByText('Calendrier')).toBeDefined();
  });
});
