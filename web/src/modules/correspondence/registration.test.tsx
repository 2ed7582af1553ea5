import { fireEvent, screen } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeMe, fetchRouting, renderApp } from '../../test/render';
import { localToIso, nowLocal } from './correspondence-rules';
import { EditItemPage } from './EditItemPage';
import { RegisterItemPage } from './RegisterItemPage';
import { emptyRegistration, toCreateBody } from './registration-values';
import './test-stubs';

afterEach(() => vi.unstubAllGlobals());

const CREATED = { id: '0190a000-0000-7000-8000-000000000201', registrationNumber: '2026-A-000042' };

function page(answer: (method: string, url: string) => readonly [number, unknown] | undefined = () => undefined) {
  const api = fetchRouting((method, url) => {
    const own = answer(method, url);
    if (own) return own;
    if (method === 'GET') return [200, { data: [], nextCursor: null }];
    return undefined;
  });
  vi.stubGlobal('fetch', api.fn);
  renderApp(
    <Routes>
      <Route path="/correspondence/new" element={<RegisterItemPage />} />
      <Route path="/correspondence/items/:id" element={<h1>Page du courrier</h1>} />
    </Routes>,
    { path: '/correspondence/new', me: fakeMe('secretariat', ['correspondence']) },
  );
  return api;
}

const submit = () => fireEvent.click(screen.getByRole('button', { name: 'Enregistrer le courrier' }));

// The form is large and the machine shared: more than the default 5 s for a first render.
describe('the registration form', { timeout: 20_000 }, () => {
  it('says in French what is missing or wrong, and sends nothing', async () => {
    const api = page();
    await screen.findByRole('heading', { level: 1, name: 'Enregistrer un courrier' });
    fireEvent.change(screen.getByRole('textbox', { name: 'Adresse électronique' }), {
      target: { value: 'pas-une-adresse' },
    });
    submit();
    expect(await screen.findByText('Indiquez le nom de l’expéditeur.', {}, { timeout: 5000 })).toBeDefined();
    expect(screen.getByText('Indiquez l’objet du courrier.')).toBeDefined();
    expect(screen.getByText('L’adresse électronique est invalide.')).toBeDefined();
    expect(api.calls.filter((c) => c.method === 'POST')).toEqual([]);
  });

  it('registers a phone call, tells its number and opens the item', async () => {
    const api = page((method, url) =>
      method === 'POST' && url === '/api/v1/correspondence' ? [201, CREATED] : undefined,
    );
    await screen.findByRole('heading', { level: 1, name: 'Enregistrer un courrier' });
    fireEvent.click(screen.getByRole('radio', { name: 'Téléphone' }));
    fireEvent.change(screen.getByRole('textbox', { name: /Nom de l’expéditeur/ }), {
      target: { value: 'Jean Wamytan' },
    });
    fireEvent.change(screen.getByRole('textbox', { name: /Objet/ }), {
      target: { value: 'Nid-de-poule rue des Acacias' },
    });
    submit();
    expect(await screen.findByRole('heading', { level: 1, name: 'Page du courrier' }, { timeout: 5000 })).toBeDefined();
    expect(await screen.findByText('Courrier enregistré sous le numéro 2026-A-000042.')).toBeDefined();
    const body = api.calls.find((c) => c.method === 'POST')?.body as Record<string, unknown>;
    expect(body).toMatchObject({
      direction: 'in',
      channel: 'phone',
      subject: 'Nid-de-poule rue des Acacias',
      sender: { name: 'Jean Wamytan', email: null, phone: null, address: null },
      priority: 'normal',
      confidentiality: 'normal',
    });
    expect(body.receivedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\+11:00$/);
  });

  it('sends the tags typed, cleaned, and shows the server’s refusal of one under the field', async () => {
    const api = page((method, url) =>
      method === 'POST' && url === '/api/v1/correspondence'
        ? [400, { title: 'Bad Request', status: 400, errors: [{ path: 'tags.1', message: 'Étiquette refusée.' }] }]
        : undefined,
    );
    await screen.findByRole('heading', { level: 1, name: 'Enregistrer un courrier' });
    fireEvent.change(screen.getByRole('textbox', { name: /Nom de l’expéditeur/ }), { target: { value: 'Jean' } });
    fireEvent.change(screen.getByRole('textbox', { name: /Objet/ }), { target: { value: 'Objet' } });
    const tags = screen.getByLabelText('Étiquettes', { selector: 'input' }) as HTMLInputElement;
    tags.focus();
    fireEvent.change(tags, { target: { value: '  Marché   de Noël, voirie' } });
    fireEvent.keyDown(tags, { key: 'Enter' });
    submit();
    expect(await screen.findByText('Étiquette refusée.')).toBeDefined();
    const body = api.calls.find((c) => c.method === 'POST')?.body as Record<string, unknown>;
    expect(body.tags).toEqual(['Marché de Noël', 'voirie']);
  });

  it('puts the server’s field errors under their fields', async () => {
    page((method) =>
      method === 'POST'
        ? [400, { title: 'Bad Request', status: 400, errors: [{ path: 'sender.email', message: 'Adresse refusée.' }] }]
        : undefined,
    );
    await screen.findByRole('heading', { level: 1, name: 'Enregistrer un courrier' });
    fireEvent.change(screen.getByRole('textbox', { name: /Nom de l’expéditeur/ }), { target: { value: 'Jean' } });
    fireEvent.change(screen.getByRole('textbox', { name: /Objet/ }), { target: { value: 'Objet' } });
    submit();
    expect(await screen.findByText('Adresse refusée.')).toBeDefined();
  });
});

describe('correcting a registered item', { timeout: 20_000 }, () => {
  it('starts from the item and sends the changes, the direction aside', async () => {
    const item = {
      ...CREATED,
      direction: 'in',
      channel: 'email',
      typeId: null,
      subject: 'Objet mal saisi',
      body: 'Texte',
      receivedAt: '2026-11-20T22:30:00.000Z',
      sender: { name: 'Jean Wamytan', email: 'jean@exemple.nc', phone: null, address: null },
      topic: 'voirie',
      territoryId: null,
      priority: 'high',
      confidentiality: 'normal',
      policies: { read: true, update: true },
    };
    const api = fetchRouting((method, url) => {
      if (url === `/api/v1/correspondence/${CREATED.id}`) return method === 'PATCH' ? [200, item] : [200, item];
      if (method === 'GET') return [200, { data: [], nextCursor: null }];
      return undefined;
    });
    vi.stubGlobal('fetch', api.fn);
    renderApp(
      <Routes>
        <Route path="/correspondence/items/:id/edit" element={<EditItemPage />} />
        <Route path="/correspondence/items/:id" element={<h1>Page du courrier</h1>} />
      </Routes>,
      { path: `/correspondence/items/${CREATED.id}/edit`, me: fakeMe('secretariat', ['correspondence']) },
    );
    const subject = await screen.findByRole('textbox', { name: /Objet/ }, { timeout: 5000 });
    expect((subject as HTMLInputElement).value).toBe('Objet mal saisi');
    fireEvent.change(subject, { target: { value: 'Objet corrigé' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Page du courrier' }, { timeout: 5000 })).toBeDefined();
    const body = api.calls.find((c) => c.method === 'PATCH')?.body as Record<string, unknown>;
    expect(body).toMatchObject({
      channel: 'email',
      subject: 'Objet corrigé',
      topic: 'voirie',
      priority: 'high',
      receivedAt: '2026-11-21T09:30:00+11:00',
      sender: { name: 'Jean Wamytan', email: 'jean@exemple.nc', phone: null, address: null },
    });
    expect(body).not.toHaveProperty('direction');
  });
});

describe('the registration values', () => {
  it('read the received time in the organisation’s zone', () => {
    expect(localToIso('2026-11-23T09:30', 'Pacific/Noumea')).toBe('2026-11-23T09:30:00+11:00');
    expect(localToIso('2026-07-01T09:30', 'Europe/Paris')).toBe('2026-07-01T09:30:00+02:00');
    expect(nowLocal('Pacific/Noumea', new Date('2026-11-23T20:00:00Z'))).toBe('2026-11-24T07:00');
  });

  it('send empty optional fields as null, trimmed text otherwise', () => {
    const body = toCreateBody(
      {
        ...emptyRegistration('2026-11-23T09:30'),
        senderName: ' Jean ',
        senderEmail: ' j@exemple.nc ',
        subject: ' Objet ',
      },
      'Pacific/Noumea',
    );
    expect(body.sender).toEqual({ name: 'Jean', email: 'j@exemple.nc', phone: null, address: null });
    expect(body.subject).toBe('Objet');
    expect(body.topic).toBeNull();
  });
});
