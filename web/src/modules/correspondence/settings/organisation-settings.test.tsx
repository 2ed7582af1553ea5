import type { THolidaySettings, TLetterhead, TMailSettings } from '@dircab/contracts';
import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeMe, fetchRouting, renderApp } from '../../../test/render';
import { SettingsPage } from './SettingsPage';
import '../test-stubs';

afterEach(() => vi.unstubAllGlobals());

const DIRCAB = fakeMe('chief_of_staff', ['correspondence']);
const invalid = (path: string, message: string) =>
  [
    400,
    {
      title: 'Bad Request',
      status: 400,
      detail: 'Le corps de la requête contient des valeurs invalides.',
      errors: [{ path, message }],
    },
  ] as const;
const open = (tab: string) => renderApp(<SettingsPage />, { path: `/correspondence/settings?tab=${tab}`, me: DIRCAB });

const MAIL: TMailSettings = {
  configured: true,
  host: 'smtp.mont-dore.nc',
  port: 587,
  security: 'starttls',
  user: 'courrier',
  passwordSet: true,
  fromAddress: 'courrier@mont-dore.nc',
  fromName: 'Mairie du Mont-Dore',
  replyTo: null,
  updatedAt: '2026-03-01T08:00:00.000Z',
  policies: { update: true, test: true },
};

describe('organisation settings of the correspondence', { timeout: 30_000 }, () => {
  it('never shows the SMTP password, keeps it when left empty, and shows the host error at the field', async () => {
    const api = fetchRouting((method, url) => {
      if (method === 'GET' && url === '/api/v1/settings/mail') return [200, MAIL];
      if (method === 'PUT')
        return invalid('host', 'Indiquez un nom d’hôte ou une adresse IP, sans espace ni protocole.');
      if (method === 'POST' && url === '/api/v1/settings/mail/test')
        return [200, { sentTo: 'dircab@mont-dore.example', messageId: '<1@x>' }];
      return undefined;
    });
    vi.stubGlobal('fetch', api.fn);
    open('mail');
    const password = (await screen.findByLabelText('Mot de passe')) as HTMLInputElement;
    expect(password.value).toBe('');
    expect(screen.getByText(/Un mot de passe est enregistré ; il n’est jamais affiché/)).toBeDefined();
    fireEvent.change(screen.getByRole('textbox', { name: /Serveur SMTP/ }), {
      target: { value: 'smtp://mont-dore.nc' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    const host = screen.getByRole('textbox', { name: /Serveur SMTP/ });
    await vi.waitFor(() => expect(host.getAttribute('aria-invalid')).toBe('true'));
    const body = api.calls.find((c) => c.method === 'PUT')?.body as Record<string, unknown>;
    expect(body).toMatchObject({ host: 'smtp://mont-dore.nc', port: 587, security: 'starttls', user: 'courrier' });
    expect('password' in body).toBe(false);

    fireEvent.click(screen.getByRole('button', { name: 'Envoyer un courriel d’essai' }));
    expect(await screen.findByText('Courriel d’essai envoyé à dircab@mont-dore.example.')).toBeDefined();
  });

  it('previews the registration numbers and shows the server’s collision message at the outgoing format', async () => {
    vi.stubGlobal(
      'fetch',
      fetchRouting((method) =>
        method === 'GET'
          ? [200, { incomingFormat: '{year}-A-{seq:6}', outgoingFormat: '{year}-D-{seq:6}' }]
          : invalid('outgoingFormat', 'Les formats arrivée et départ doivent se distinguer par un caractère fixe.'),
      ).fn,
    );
    open('numbering');
    const year = new Date().getFullYear();
    expect(await screen.findByText(`Premier numéro de l’année : ${year}-A-000001`)).toBeDefined();
    const outgoing = screen.getByRole('textbox', { name: /Format des courriers départ/ });
    fireEvent.change(outgoing, { target: { value: '{year}-A-{seq:4}' } });
    expect(screen.getByText(`Premier numéro de l’année : ${year}-A-0001`)).toBeDefined();
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByText(/doivent se distinguer par un caractère fixe/)).toBeDefined();
    expect(outgoing.getAttribute('aria-invalid')).toBe('true');
  });

  it('turns the automatic acknowledgement off and sends it with the formats', async () => {
    const api = fetchRouting((method) =>
      method === 'GET'
        ? [200, { incomingFormat: '{year}-A-{seq:6}', outgoingFormat: '{year}-D-{seq:6}', autoAcknowledge: true }]
        : [200, { incomingFormat: '{year}-A-{seq:6}', outgoingFormat: '{year}-D-{seq:6}', autoAcknowledge: false }],
    );
    vi.stubGlobal('fetch', api.fn);
    open('numbering');
    await screen.findAllByText(/Premier numéro de l’année/);
    const toggle = screen.getByRole('switch', {
      name: /^Accuser réception automatiquement des demandes numériques/,
    }) as HTMLInputElement;
    expect(toggle.checked).toBe(true);
    fireEvent.click(toggle);
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await vi.waitFor(() => expect(api.calls.some((c) => c.method === 'PUT')).toBe(true));
    expect(api.calls.find((c) => c.method === 'PUT')?.body).toEqual({
      incomingFormat: '{year}-A-{seq:6}',
      outgoingFormat: '{year}-D-{seq:6}',
      autoAcknowledge: false,
    });
  });

  it('lists the year’s holidays, asks for another year, and saves a closing day', async () => {
    const settings = (year: number): THolidaySettings => ({
      country: 'NC',
      region: null,
      closedDays: [],
      source: 'default',
      year,
      days: [
        { date: `${year}-09-24`, name: 'Fête de la Citoyenneté', kind: 'public' },
        { date: `${year}-07-14`, name: 'Fête nationale', kind: 'public' },
      ],
      policies: { update: true },
    });
    const api = fetchRouting((method, url) => {
      const year = Number(/year=(\d+)/.exec(url)?.[1]);
      if (method === 'GET') return [200, settings(year)];
      if (method === 'PUT') return [200, settings(new Date().getFullYear())];
      return undefined;
    });
    vi.stubGlobal('fetch', api.fn);
    open('holidays');
    const year = new Date().getFullYear();
    expect(await screen.findByText('Fête de la Citoyenneté')).toBeDefined();
    expect(screen.getByText(`2 jours non travaillés en ${year}`)).toBeDefined();
    fireEvent.click(screen.getByLabelText('Année', { selector: 'input' }));
    fireEvent.click(await screen.findByRole('option', { name: String(year + 1), hidden: true }));
    await vi.waitFor(() => expect(api.calls.some((c) => c.url.endsWith(`year=${year + 1}`))).toBe(true));

    fireEvent.click(await screen.findByRole('button', { name: 'Ajouter un jour de fermeture' }));
    fireEvent.change(screen.getByLabelText(/Date du jour de fermeture 1/), { target: { value: `${year}-11-15` } });
    fireEvent.change(screen.getByLabelText(/Nom du jour de fermeture 1/), { target: { value: 'Fête de la commune' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await vi.waitFor(() =>
      expect(api.calls.find((c) => c.method === 'PUT')?.body).toEqual({
        country: 'NC',
        region: null,
        closedDays: [{ date: `${year}-11-15`, label: 'Fête de la commune', everyYear: true }],
      }),
    );
  });

  it('saves the letterhead with one address line per line, and an emptied field as null', async () => {
    const letterhead: TLetterhead = {
      organisationName: 'Ville du Mont-Dore',
      addressLines: ['1 rue de la Mairie', '98809 Mont-Dore'],
      phone: '+687 43 00 00',
      email: null,
      website: null,
      place: 'Mont-Dore',
      secretariatName: 'Secrétariat du cabinet',
      secretariatEmail: null,
      secretariatPhone: null,
      executiveName: 'Hélène Boyer',
      executiveTitle: 'Maire',
      appealCourt: 'Tribunal administratif de Nouméa',
      policies: { update: true },
    };
    const api = fetchRouting((method, url) => {
      if (method === 'GET' && url.startsWith('/api/v1/correspondence/ack-templates'))
        return [200, { data: [], nextCursor: null }];
      if (method === 'GET' && url === '/api/v1/correspondence/letterhead') return [200, letterhead];
      if (method === 'PUT') return [200, letterhead];
      return undefined;
    });
    vi.stubGlobal('fetch', api.fn);
    open('acknowledgement');
    const phone = await screen.findByRole('textbox', { name: /^Téléphone$/ });
    fireEvent.change(phone, { target: { value: '' } });
    fireEvent.change(screen.getByRole('textbox', { name: /^Adresse/ }), {
      target: { value: '1 rue de la Mairie\n\nBP 5\n98809 Mont-Dore' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await vi.waitFor(() =>
      expect(api.calls.find((c) => c.method === 'PUT')?.body).toMatchObject({
        addressLines: ['1 rue de la Mairie', 'BP 5', '98809 Mont-Dore'],
        phone: null,
        executiveTitle: 'Maire',
      }),
    );
  });

  it('gives the public form’s address and snippet, sends the requests’ type, and names the refused site', async () => {
    const api = fetchRouting((method, url) => {
      if (method === 'GET' && url.startsWith('/api/v1/correspondence/types'))
        return [
          200,
          {
            data: [{ id: '01900000-0000-7000-8000-0000000000d1', code: 'demande', label: 'Demande d’un administré' }],
            nextCursor: null,
            policies: { create: true },
          },
        ];
      if (method === 'GET') return [200, { allowedOrigins: ['https://www.mont-dore.nc'], typeId: null }];
      return invalid(
        'allowedOrigins.1',
        'Seulement le schéma et le nom du site, sans chemin (https://www.exemple.fr).',
      );
    });
    vi.stubGlobal('fetch', api.fn);
    open('publicForm');
    const endpoint = `${window.location.origin}/api/v1/public/requests/mont-dore`;
    expect(await screen.findByText(endpoint)).toBeDefined();
    expect(screen.getByRole('region', { name: 'Code à intégrer' }).textContent).toContain(`fetch('${endpoint}'`);
    const origins = screen.getByLabelText(/Sites autorisés/, { selector: 'input' });
    // Mantine ignores a change to an input without the focus (autofill): type as a person does.
    origins.focus();
    fireEvent.change(origins, { target: { value: 'https://mont-dore.nc/contact' } });
    fireEvent.keyDown(origins, { key: 'Enter' });
    fireEvent.click(screen.getByRole('combobox', { name: /Type des demandes/ }));
    fireEvent.click(await screen.findByRole('option', { name: 'Demande d’un administré', hidden: true }));
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await vi.waitFor(() =>
      expect(api.calls.find((c) => c.method === 'PUT')?.body).toEqual({
        allowedOrigins: ['https://www.mont-dore.nc', 'https://mont-dore.nc/contact'],
        typeId: '01900000-0000-7000-8000-0000000000d1',
      }),
    );
    expect(await screen.findByText(/https:\/\/mont-dore\.nc\/contact : Seulement le schéma/)).toBeDefined();
  });
});
