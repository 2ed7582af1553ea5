import type { TMe, TRole } from '@dircab/contracts';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { Providers } from '../app/Providers';
import { createQueryClient } from '../app/query-client';
import { MeContext } from '../ui/me-context';

/** Renders with the app's providers, a router at `path`, and optionally a signed-in user. */
export function renderApp(ui: ReactNode, options: { path?: string; me?: TMe } = {}) {
  const queryClient = createQueryClient();
  return render(
    <Providers queryClient={queryClient}>
      <MemoryRouter initialEntries={[options.path ?? '/']}>
        {options.me ? <MeContext value={options.me}>{ui}</MeContext> : ui}
      </MemoryRouter>
    </Providers>,
  );
}

const ORG = {
  id: '0190a000-0000-7000-8000-000000000001',
  slug: 'mont-dore',
  name: 'Ville du Mont-Dore (démonstration)',
  kind: 'commune' as const,
  officialCode: '98817',
  timeZone: 'Pacific/Noumea',
  currency: 'XPF',
  locale: 'fr-NC',
};

export function fakeMe(role: TRole, modules: string[]): TMe {
  return {
    user: {
      id: '0190a000-0000-7000-8000-000000000002',
      name: 'Hélène Boyer',
      email: 'maire@mont-dore.example',
      locale: 'fr',
      twoFactorEnabled: false,
    },
    organisation: ORG,
    role,
    modules,
    memberships: [{ organisation: ORG, role }],
  };
}

/** A fetch answering one JSON response, and recording the calls. */
export function fetchAnswering(status: number, body: unknown) {
  const calls: { url: string; init: RequestInit | undefined }[] = [];
  const fn = async (url: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(url), init });
    return new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' },
    });
  };
  return { fn, calls };
}

type Answer = readonly [status: number, body?: unknown];

/**
 * A fetch answering by method and path (query string included), and recording the calls.
 * An unknown request answers 404, so a test says every call it expects.
 */
export function fetchRouting(answer: (method: string, url: string, body: unknown) => Answer | undefined) {
  const calls: { method: string; url: string; body: unknown }[] = [];
  const fn = async (input: string | URL | Request, init?: RequestInit) => {
    const url = String(input);
    const method = init?.method ?? 'GET';
    const body = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    calls.push({ method, url, body });
    const [status, payload] = answer(method, url, body) ?? [404, { title: 'Not Found', status: 404 }];
    return new Response(payload === undefined ? null : JSON.stringify(payload), {
      status,
      headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' },
    });
  };
  return { fn, calls };
}
