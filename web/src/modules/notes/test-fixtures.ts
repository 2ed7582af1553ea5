import type { TNote } from '@dircab/contracts';

export const NOTE_ID = '0190a000-0000-7000-8000-000000000701';
export const MAYOR_ID = '0190a000-0000-7000-8000-000000000002';
export const SERVICE_ID = '0190a000-0000-7000-8000-000000000801';

/** A note as the API presents it; `policies` say which buttons the actor gets. */
export function note(patch: Partial<TNote> = {}): TNote {
  return {
    id: NOTE_ID,
    kind: 'note_to_executive',
    title: 'Cantine de Boulari',
    addresseeId: MAYOR_ID,
    authorId: MAYOR_ID,
    bodyHtml: '<p>Les travaux ne seront pas finis.</p>',
    status: 'draft',
    confidentiality: 'restricted',
    members: [MAYOR_ID],
    caseId: null,
    version: 1,
    returnComment: null,
    transmittedAt: null,
    readAt: null,
    answeredAt: null,
    decisionId: null,
    createdAt: '2026-12-01T22:00:00.000Z',
    updatedAt: '2026-12-01T22:00:00.000Z',
    policies: {},
    ...patch,
  };
}

/** The lists every notes page reads besides its own: people and services. */
export function commonAnswer(url: string): readonly [number, unknown] | undefined {
  if (url.startsWith('/api/v1/notes/people'))
    return [
      200,
      {
        data: [{ userId: MAYOR_ID, name: 'Hélène Boyer', role: 'executive', jobTitle: 'Maire', active: true }],
        nextCursor: null,
      },
    ];
  if (url.startsWith('/api/v1/services'))
    return [200, { data: [{ id: SERVICE_ID, name: 'Services techniques', topics: [] }], nextCursor: null }];
  return undefined;
}
