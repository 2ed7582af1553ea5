import { cleanNotifications } from '@mantine/notifications';
import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderApp } from '../../test/render';
import { notify } from '../../ui/notify';

afterEach(() => act(() => cleanNotifications()));

describe('ToastsOnDemand', () => {
  it('mounts no toast container before the first toast', () => {
    renderApp(<p>Boîte de réception</p>);
    expect(document.querySelector('.mantine-Notifications-root')).toBeNull();
  });

  it('shows a toast asked for before its container was fetched, with a named close button', async () => {
    renderApp(<p>Boîte de réception</p>);
    act(() => notify('green', 'Courrier 2026-0042 pris en charge', 'Fait'));
    expect(await screen.findByText('Courrier 2026-0042 pris en charge')).toBeTruthy();
    expect(screen.getByText('Fait')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Fermer' })).toBeTruthy();
    expect(document.querySelector('.mantine-Notifications-root')).not.toBeNull();
  });
});
