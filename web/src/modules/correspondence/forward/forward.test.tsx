import type { TAcknowledgement, TCorrespondenceDetail } from '@dircab/contracts';
import { fireEvent, screen } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeMe, fetchRouting, renderApp } from '../../../test/render';
import { ItemPage } from '../ItemPage';
import '../test-stubs';

afterEach(() => vi.unstubAllGlobals());

const ID = '0190a000-0000-7000-8000-000000000501';

const ITEM: TCorrespondenceDetail = {
  id: ID,
  direction: 'in',
  registrationNumber: '2026-A-000042',
  year: 2026,
  sequence: 42,
  channel: 'email',
  typeId: null,
  subject: 'Titre de séjour',
  body: 'Je sollicite votre aide pour un titre de séjour.',
  receivedAt: '2026-11-20T22:00:00.000Z',
  senderContactId: null,
  sender: { name: 'Jean Wamytan', email: 'jean.wamytan@example.nc', phone: null, address: null },
  topic: null,
  territoryId: null,
  priority: 'normal',
  confidentiality: 'normal',
  members: [],
  status: 'registered',
  dueDate: null,
  implicitDecisionDate: null,
  implicitDecisionRule: null,
  serviceIds: [],
  leadServiceId: null,
  leadUserId: null,
  inReplyToId: null,
  caseId: null,
  tags: [],
  createdAt: '2026-11-20T22:00:00.000Z',
  updatedAt: '2026-11-20T22:00:00.000Z',
  policies: { read: true, forward: true },
  routings: [],
  suggestion: null,
  reply: null,
};

const AUTOMATIC: TAcknowledgement = {
  id: '0190a000-0000-7000-8000-000000000502',
  itemId: ID,
  channel: 'email',
  recipient: 'jean.wamytan@example.nc',
  sentAt: '2026-11-20T22:00:01.000Z',
  sentBy: null,
  emailJobId: '0190a000-0000-7000-8000-000000000503',
  templateId: null,
  automatic: true,
  emailStatus: 'done',
  policies: { send: true },
};

function page() {
  let current = ITEM;
  const api = fetchRouting((method, url) => {
    if (url === `/api/v1/correspondence/${ID}`) return [200, current];
    if (url.startsWith(`/api/v1/correspondence/${ID}/acknowledgements`))
      return [200, { data: [AUTOMATIC], nextCursor: null }];
    if (method === 'POST' && url === `/api/v1/correspondence/${ID}/forward`) {
      current = { ...current, status: 'forwarded', policies: { read: true } };
      return [200, current];
    }
    if (method === 'GET') return [200, { data: [], nextCursor: null }];
    return undefined;
  });
  vi.stubGlobal('fetch', api.fn);
  renderApp(
    <Routes>
      <Route path="/correspondence/items/:id" element={<ItemPage />} />
    </Routes>,
    { path: `/correspondence/items/${ID}`, me: fakeMe('secretariat', ['correspondence']) },
  );
  return api;
}

describe('forwarding and acknowledgements on the item page', { timeout: 20_000 }, () => {
  it('says the acknowledgement went out automatically at registration, and whether the email left', async () => {
    page();
    expect(
      await screen.findByText(/Envoyé automatiquement à l’enregistrement, le .* à jean\.wamytan@example\.nc/),
    ).toBeDefined();
    expect(screen.getByText('envoyé')).toBeDefined();
  });

  it('forwards to the authority typed in, then offers the two letters to print', async () => {
    const api = page();
    fireEvent.click(await screen.findByRole('button', { name: 'Transmettre à l’autorité compétente' }));
    const dialog = await screen.findByRole('dialog', { name: 'Transmettre à l’autorité compétente' });
    // The authority's name is required: nothing is sent without it.
    fireEvent.click(dialog.querySelector('button[type="submit"]') as HTMLButtonElement);
    expect(await screen.findByText('Ce champ est obligatoire.')).toBeDefined();
    expect(api.calls.filter((c) => c.method === 'POST')).toEqual([]);
    expect(screen.getByText('L’auteur sera avisé par courriel à jean.wamytan@example.nc.')).toBeDefined();

    fireEvent.change(screen.getByLabelText(/Nom de l’autorité compétente/), {
      target: { value: 'Haut-commissariat de la République' },
    });
    fireEvent.change(screen.getByLabelText('Adresse électronique de l’autorité'), {
      target: { value: 'courrier@haussariat.example' },
    });
    fireEvent.change(screen.getByLabelText('Adresse postale de l’autorité'), {
      target: { value: '1 avenue du Maréchal Foch\n98800 Nouméa' },
    });
    fireEvent.click(dialog.querySelector('button[type="submit"]') as HTMLButtonElement);
    await vi.waitFor(() =>
      expect(api.calls.find((c) => c.method === 'POST')?.body).toEqual({
        authority: 'Haut-commissariat de la République',
        authorityEmail: 'courrier@haussariat.example',
        authorityAddress: '1 avenue du Maréchal Foch\n98800 Nouméa',
      }),
    );
    const pdf = await screen.findByRole('link', { name: 'Lettre à l’auteur en PDF' });
    await vi.waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(pdf.getAttribute('href')).toBe(`/api/v1/correspondence/${ID}/forward/letter?to=writer&format=pdf`);
    expect(screen.getByRole('link', { name: 'Lettre à l’autorité en ODT' }).getAttribute('href')).toBe(
      `/api/v1/correspondence/${ID}/forward/letter?to=authority&format=odt`,
    );
  });
});
