import type { TDelegateInvitation } from '@dircab/contracts';
import type { Queryable } from '../../../platform/db/client';
import { problems } from '../../../platform/errors/problem';
import type { Actor } from '../../../platform/policy/actor';
import type { AgendaContext } from '../agenda-context';
import type { InvitationRow } from '../queries/find-invitations';
import { answerableInvitation, eventFromInvitation, executiveOf, recordAnswer } from './answerable-invitation';

/**
 * Delegates an invitation to an official: the event lands on their agenda, marked as a
 * representation of the executive (« représente le Maire »), which the report counts.
 */
export async function delegateInvitation(
  tx: Queryable,
  actor: Actor,
  id: string,
  input: TDelegateInvitation,
  context: AgendaContext,
): Promise<InvitationRow> {
  const row = await answerableInvitation(tx, actor, id, 'delegate');
  const executive = executiveOf(context);
  if (!context.officials.byId.has(input.officialId)) {
    throw problems.badRequest('L’élu est inconnu.', [
      { path: 'officialId', message: 'Cet élu n’existe pas dans l’organisation.', code: 'unknown_official' },
    ]);
  }
  if (input.officialId === executive.id) {
    throw problems.badRequest('On ne se représente pas soi-même.', [
      { path: 'officialId', message: 'Pour que le Maire s’y rende, acceptez l’invitation.', code: 'self_delegation' },
    ]);
  }
  const event = await eventFromInvitation(tx, actor, row, input.officialId, context, {
    representingOfficialId: executive.id,
  });
  return recordAnswer(tx, actor, row, {
    status: 'delegated',
    eventId: event.id,
    delegatedOfficialId: input.officialId,
  });
}
