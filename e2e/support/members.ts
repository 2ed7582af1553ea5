import type { TRole } from '@dircab/contracts';
import { type APIRequestContext, expect } from '@playwright/test';
import { DEMO_PASSWORD, emailOf } from './demo';

export interface CreatedMember {
  userId: string;
  login: string;
  name: string;
  password: string;
}

/**
 * A person of their own, created by the demo admin through the API: the demo accounts are
 * signed in by the other journeys at the same time (two workers, one database), so a journey
 * that changes an account's state must not use theirs.
 */
export async function createMember(
  request: APIRequestContext,
  baseURL: string,
  person: { login: string; name: string; role: TRole },
): Promise<CreatedMember> {
  const password = 'mot-de-passe-solide-2026';
  const headers = { origin: baseURL };
  const signedIn = await request.post('/api/auth/sign-in/email', {
    headers,
    data: { email: emailOf('admin'), password: DEMO_PASSWORD },
  });
  expect(signedIn.ok()).toBe(true);
  const created = await request.post('/api/v1/members', {
    headers,
    data: { name: person.name, email: emailOf(person.login), role: person.role, password },
  });
  expect(created.status()).toBe(201);
  const { userId } = (await created.json()) as { userId: string };
  return { userId, login: person.login, name: person.name, password };
}
