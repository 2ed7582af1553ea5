import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeMe, fetchRouting, renderApp } from '../../../test/render';
import '../../correspondence/test-stubs';
import { commonAnswer, NOTE_ID, note } from '../test-fixtures';
import { DecisionForm } from './DecisionForm';

afterEach(() => vi.unstubAllGlobals());

const me = fakeMe('executive', ['notes']);
const transmitted = note({ status: 'read', policies: { answer: true } });
const answers = (api: ReturnType<typeof fetchRouting>) => api.calls.filter((c) => c.url.endsWith('/answer'));

describe('the decision form', { timeout: 20_000 }, () => {
  it('requires the decision and each action’s title, assignee and due date, sending nothing until then', async () => {
    const api = fetchRouting((_m, url) => commonAnswer(url));
    vi.stubGlobal('fetch', api.fn);
    renderApp(<DecisionForm note={transmitted} onDone={() => {}} />, { me });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer la décision' }));
    expect(await screen.findByText('Écrivez ce qui est décidé.')).toBeDefined();
    expect(screen.getByText('Indiquez l’intitulé de l’action.')).toBeDefined();
    expect(screen.getByText('Choisissez à qui l’action est confiée.')).toBeDefined();
    expect(screen.getByText('Indiquez l’échéance de l’action.')).toBeDefined();
    expect(answers(api)).toHaveLength(0);
  });

  it('shows the server’s refusal at the field it names', async () => {
    const api = fetchRouting((method, url) => {
      if (method === 'POST' && url === `/api/v1/notes/${NOTE_ID}/answer`)
        return [
          400,
          {
            type: 'about:blank',
            title: 'Requête invalide',
            status: 400,
            detail: 'Certains champs sont invalides.',
            errors: [{ path: 'body.actions[0].dueDate', message: 'Date AAAA-MM-JJ attendue.' }],
          },
        ];
      return commonAnswer(url);
    });
    vi.stubGlobal('fetch', api.fn);
    renderApp(<DecisionForm note={transmitted} onDone={() => {}} />, { me });
    fireEvent.change(screen.getByRole('textbox', { name: /^Décision/ }), { target: { value: 'Réfection partielle.' } });
    fireEvent.change(screen.getByRole('textbox', { name: /Intitulé de l’action 1/ }), {
      target: { value: 'Baliser le wharf' },
    });
    // The person picker: one option, the mayor (commonAnswer).
    fireEvent.click(screen.getByRole('radio', { name: 'Une personne' }));
    fireEvent.click(screen.getByRole('combobox', { name: /Personne chargée de l’action 1/ }));
    fireEvent.click(await screen.findByRole('option', { name: /Hélène Boyer/, hidden: true }));
    fireEvent.change(screen.getByLabelText(/Échéance de l’action 1/), { target: { value: '2026-12-20' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer la décision' }));
    expect(await screen.findByText('Date AAAA-MM-JJ attendue.')).toBeDefined();
    expect(screen.getByLabelText(/Échéance de l’action 1/).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert')).toBeDefined();
    expect(answers(api)[0]?.body).toEqual({
      decision: 'Réfection partielle.',
      actions: [
        { title: 'Baliser le wharf', assigneeUserId: '0190a000-0000-7000-8000-000000000002', dueDate: '2026-12-20' },
      ],
    });
  });
});
