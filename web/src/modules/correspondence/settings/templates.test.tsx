import type { TAckTemplate, TReplyTemplate } from '@dircab/contracts';
import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeMe, fetchRouting, renderApp } from '../../../test/render';
import { SettingsPage } from './SettingsPage';
import '../test-stubs';

afterEach(() => vi.unstubAllGlobals());

// ProseMirror measures the cursor to scroll to it; jsdom's ranges have no layout.
const noRects = () => Object.assign([], { item: () => null }) as unknown as DOMRectList;
Range.prototype.getClientRects ??= noRects;
Range.prototype.getBoundingClientRect ??= () => new DOMRect();

const REPLY: TReplyTemplate = {
  id: '0190a000-0000-7000-8000-000000000b01',
  name: 'Réponse voirie',
  subject: 'Votre signalement {{item.registrationNumber}}',
  bodyHtml: '<p>Madame, Monsieur {{sender.name}},</p>',
  createdAt: '2026-03-01T08:00:00.000Z',
  updatedAt: '2026-03-01T08:00:00.000Z',
  policies: { update: true, delete: true },
};
const ACK: TAckTemplate = {
  id: '0190a000-0000-7000-8000-000000000b02',
  name: 'Accusé standard',
  kind: 'acknowledgement',
  subject: 'Accusé de réception {{item.number}}',
  bodyHtml: '<p>Nous avons reçu votre demande le {{item.receivedDate}}.</p>',
  isDefault: true,
  createdAt: '2026-03-01T08:00:00.000Z',
  updatedAt: '2026-03-01T08:00:00.000Z',
  policies: { update: true, delete: false },
};
const SPARE_ACK: TAckTemplate = {
  ...ACK,
  id: '0190a000-0000-7000-8000-000000000b04',
  name: 'Accusé pétitions',
  isDefault: false,
  policies: { update: true, delete: true },
};
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

describe('reply and acknowledgement templates', { timeout: 30_000 }, () => {
  it('creates a reply template with a merge field inserted from the list, and shows a field error', async () => {
    let posts = 0;
    const api = fetchRouting((method, url) => {
      if (method === 'GET' && url.startsWith('/api/v1/correspondence/reply-templates'))
        return [200, { data: [REPLY], nextCursor: null }];
      if (method === 'POST' && url === '/api/v1/correspondence/reply-templates') {
        posts++;
        return posts === 1
          ? invalid('name', 'Un modèle porte déjà ce nom.')
          : [201, { ...REPLY, id: '0190a000-0000-7000-8000-000000000b03' }];
      }
      return undefined;
    });
    vi.stubGlobal('fetch', api.fn);
    renderApp(<SettingsPage />, {
      path: '/correspondence/settings?tab=replyTemplates',
      me: fakeMe('secretariat', ['correspondence']),
    });
    expect(await screen.findByText('Réponse voirie')).toBeDefined();
    fireEvent.click(screen.getByRole('button', { name: 'Nouveau modèle' }));
    const dialog = await screen.findByRole('dialog', { name: 'Nouveau modèle' });
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Nom du modèle/ }), {
      target: { value: 'Réponse voirie' },
    });
    fireEvent.change(within(dialog).getByRole('textbox', { name: /^Objet/ }), { target: { value: 'Votre courrier' } });
    fireEvent.click(within(dialog).getByLabelText('Insérer un champ de fusion', { selector: 'input' }));
    fireEvent.click(
      await screen.findByRole('option', { name: /Nom de l’expéditeur — \{\{sender\.name\}\}/, hidden: true }),
    );
    fireEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));

    const name = within(dialog).getByRole('textbox', { name: /Nom du modèle/ });
    await vi.waitFor(() => expect(name.getAttribute('aria-invalid')).toBe('true'));
    expect(within(dialog).getByText('Un modèle porte déjà ce nom.')).toBeDefined();
    const sent = api.calls.find((c) => c.method === 'POST')?.body as { bodyHtml: string; subject: string };
    expect(sent.subject).toBe('Votre courrier');
    expect(sent.bodyHtml).toContain('{{sender.name}}');

    fireEvent.change(name, { target: { value: 'Réponse voirie 2' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    await vi.waitFor(() => expect(screen.queryByRole('dialog', { name: 'Nouveau modèle' })).toBeNull());
    expect(posts).toBe(2);
  });

  it('deletes a reply template after confirmation', async () => {
    const api = fetchRouting((method, url) => {
      if (method === 'GET') return [200, { data: [REPLY], nextCursor: null }];
      if (method === 'DELETE' && url === `/api/v1/correspondence/reply-templates/${REPLY.id}`) return [204];
      return undefined;
    });
    vi.stubGlobal('fetch', api.fn);
    renderApp(<SettingsPage />, {
      path: '/correspondence/settings?tab=replyTemplates',
      me: fakeMe('chief_of_staff', ['correspondence']),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Supprimer Réponse voirie' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Supprimer' }));
    await vi.waitFor(() => expect(api.calls.some((c) => c.method === 'DELETE')).toBe(true));
  });

  it('deletes an acknowledgement template that is not the default, and shows the server’s refusal', async () => {
    let deletes = 0;
    const api = fetchRouting((method, url) => {
      if (method === 'GET' && url.startsWith('/api/v1/correspondence/ack-templates'))
        return [200, { data: deletes > 1 ? [ACK] : [ACK, SPARE_ACK], nextCursor: null }];
      if (method === 'GET' && url === '/api/v1/correspondence/letterhead') return [404];
      if (method === 'DELETE' && url === `/api/v1/correspondence/ack-templates/${SPARE_ACK.id}`) {
        deletes++;
        return deletes === 1
          ? [
              409,
              {
                title: 'Conflict',
                status: 409,
                detail: 'Ce modèle vient de devenir le modèle par défaut : il est conservé.',
              },
            ]
          : [204];
      }
      return undefined;
    });
    vi.stubGlobal('fetch', api.fn);
    renderApp(<SettingsPage />, {
      path: '/correspondence/settings?tab=acknowledgement',
      me: fakeMe('chief_of_staff', ['correspondence']),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Supprimer Accusé pétitions' }));
    expect(screen.queryByRole('button', { name: 'Supprimer Accusé standard' })).toBeNull();
    const dialog = await screen.findByRole('dialog', { name: 'Supprimer le modèle' });
    expect(within(dialog).getByText(/Les accusés de réception déjà donnés gardent leur lettre/)).toBeDefined();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Supprimer' }));
    expect(
      await within(dialog).findByText('Ce modèle vient de devenir le modèle par défaut : il est conservé.'),
    ).toBeDefined();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Supprimer' }));
    await vi.waitFor(() => expect(screen.queryByRole('dialog', { name: 'Supprimer le modèle' })).toBeNull());
    await vi.waitFor(() => expect(screen.queryByText('Accusé pétitions')).toBeNull());
    expect(deletes).toBe(2);
  });

  it('edits the default acknowledgement template and shows why it must stay the default', async () => {
    const api = fetchRouting((method, url) => {
      if (method === 'GET' && url.startsWith('/api/v1/correspondence/ack-templates'))
        return [200, { data: [ACK], nextCursor: null }];
      if (method === 'GET' && url === '/api/v1/correspondence/letterhead') return [404];
      if (method === 'PATCH') return invalid('isDefault', 'Un autre modèle doit devenir le modèle par défaut.');
      return undefined;
    });
    vi.stubGlobal('fetch', api.fn);
    renderApp(<SettingsPage />, {
      path: '/correspondence/settings?tab=acknowledgement',
      me: fakeMe('cabinet_head', ['correspondence']),
    });
    expect(await screen.findByText('Par défaut')).toBeDefined();
    // No delete: the default acknowledgement template stays until another replaces it.
    expect(screen.queryByRole('button', { name: 'Supprimer Accusé standard' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Modifier Accusé standard' }));
    const dialog = await screen.findByRole('dialog', { name: 'Modifier le modèle' });
    expect((within(dialog).getByRole('textbox', { name: /Nom du modèle/ }) as HTMLInputElement).value).toBe(
      'Accusé standard',
    );
    // The acknowledgement's own fields and sections are offered.
    fireEvent.click(within(dialog).getByLabelText('Insérer un champ de fusion', { selector: 'input' }));
    expect(await screen.findByRole('option', { name: /Date de la décision implicite/, hidden: true })).toBeDefined();
    expect(screen.getByRole('option', { name: 'Bloc : le silence vaut rejet', hidden: true })).toBeDefined();
    fireEvent.click(within(dialog).getByRole('checkbox', { name: /Modèle par défaut/ }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    expect(await within(dialog).findByText('Un autre modèle doit devenir le modèle par défaut.')).toBeDefined();
    expect(api.calls.find((c) => c.method === 'PATCH')?.body).toMatchObject({
      name: 'Accusé standard',
      isDefault: false,
    });
  });
});
