import type { TCorrespondenceItemType } from '@dircab/contracts';
import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeMe, fetchRouting, renderApp } from '../../../test/render';
import { SettingsPage } from './SettingsPage';
import '../test-stubs';

afterEach(() => vi.unstubAllGlobals());

const TYPE: TCorrespondenceItemType = {
  id: '0190a000-0000-7000-8000-000000000901',
  code: 'urbanisme',
  label: 'Urbanisme',
  acknowledgementDue: true,
  implicitDecisionRule: 'acceptance',
  implicitDecisionMonths: 2,
  processingWorkingDays: 30,
  policies: { update: true, delete: true },
};

describe('item type settings', { timeout: 20_000 }, () => {
  it('lists the types, creates one and shows the 409 when a used type is deleted', async () => {
    const api = fetchRouting((method, url) => {
      if (method === 'GET' && url.startsWith('/api/v1/correspondence/types'))
        return [200, { data: [TYPE], nextCursor: null, policies: { create: true } }];
      if (method === 'POST' && url === '/api/v1/correspondence/types')
        return [201, { ...TYPE, id: '0190a000-0000-7000-8000-000000000902', policies: { update: true } }];
      if (method === 'DELETE')
        return [409, { title: 'Conflict', status: 409, detail: 'Ce type sert à des courriers enregistrés.' }];
      return undefined;
    });
    vi.stubGlobal('fetch', api.fn);
    renderApp(<SettingsPage />, { path: '/correspondence/settings', me: fakeMe('chief_of_staff', ['correspondence']) });
    expect(await screen.findByText('Urbanisme')).toBeDefined();
    expect(screen.getByText('Acceptation après 2 mois')).toBeDefined();

    fireEvent.click(screen.getByRole('button', { name: 'Nouveau type' }));
    fireEvent.change(await screen.findByLabelText(/^Code/), { target: { value: 'etat_civil' } });
    fireEvent.change(screen.getByLabelText(/^Libellé/), { target: { value: 'État civil' } });
    fireEvent.click(screen.getByLabelText('Accusé de réception dû'));
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await vi.waitFor(() =>
      expect(api.calls.find((c) => c.method === 'POST')?.body).toEqual({
        code: 'etat_civil',
        label: 'État civil',
        acknowledgementDue: true,
        implicitDecisionRule: null,
        implicitDecisionMonths: 2,
        processingWorkingDays: null,
      }),
    );

    fireEvent.click(await screen.findByRole('button', { name: 'Supprimer Urbanisme' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Supprimer' }));
    expect(await screen.findByText(/Ce type sert à des courriers enregistrés/)).toBeDefined();
  });

  it('tells a role the server keeps out that it may not change the settings', async () => {
    vi.stubGlobal('fetch', fetchRouting(() => undefined).fn);
    renderApp(<SettingsPage />, { path: '/correspondence/settings', me: fakeMe('official', ['correspondence']) });
    expect(await screen.findByText('Votre rôle ne permet pas de modifier ces réglages.')).toBeDefined();
  });
});
