import type { FastifyInstance } from 'fastify';
import { as } from '../../../test/test-app';

// Test fixtures of the agenda: officials declared through the directory's own API.

export interface OfficialSpec {
  lastName: string;
  firstName?: string;
  userId?: string | null;
  mandate?: 'maire' | 'adjoint' | 'president' | 'conseiller_municipal';
}

/** Declares a person contact and makes them an official; returns the official's id. */
export async function declareOfficial(app: FastifyInstance, cookie: string, spec: OfficialSpec): Promise<string> {
  const api = as(app, cookie);
  const contact = await api.post('/api/v1/contacts', {
    kind: 'person',
    firstName: spec.firstName ?? 'Marie',
    lastName: spec.lastName,
  });
  if (contact.statusCode !== 201) throw new Error(`contact: ${contact.statusCode} ${contact.body}`);
  const official = await api.post('/api/v1/officials', {
    contactId: contact.json().id,
    userId: spec.userId ?? null,
    mandates: [
      {
        function: spec.mandate ?? 'adjoint',
        body: spec.mandate === 'president' ? 'conseil_departemental' : 'conseil_municipal',
        startDate: '2026-01-01',
      },
    ],
  });
  if (official.statusCode !== 201) throw new Error(`official: ${official.statusCode} ${official.body}`);
  return official.json().id;
}
