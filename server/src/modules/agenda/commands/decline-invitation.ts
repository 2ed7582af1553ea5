import type { TDeclineInvitation } from '@dircab/contracts';
import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/client';
import { problems } from '../../../platform/errors/problem';
import type { Actor } from '../../../platform/policy/actor';
import { linkAnswer } from '../../correspondence/commands/link-answer';
import {
  type OrganisationSetting,
  registerCorrespondence,
} from '../../correspondence/commands/register-correspondence';
import { replyText } from '../../correspondence/processing/reply-html';
import { type ContactRow, findContact } from '../../directory/queries/find-contacts';
import { agendaInvitations } from '../agenda.schema';
import { declineLetter } from '../decline-letter';
import type { AgendaOfficial } from '../officials-index';
import type { InvitationRow } from '../queries/find-invitations';
import { answerableInvitation, recordAnswer } from './answerable-invitation';

export interface DeclineSetting {
  org: OrganisationSetting & { name: string };
  executive: AgendaOfficial | null;
}

/** The organiser as the register's correspondent: their card's e-mail and address let it match them. */
function recipientOf(row: InvitationRow, organiser: ContactRow | null) {
  const address = organiser?.addresses[0];
  return {
    name: organiser?.displayName ?? row.organiserName,
    email: organiser?.emails[0]?.email ?? null,
    address: address
      ? [address.line1, address.line2, `${address.postcode} ${address.city}`].filter(Boolean).join(', ')
      : null,
  };
}

/**
 * Declines an invitation and registers its reply letter as outgoing mail (a `D` number of the
 * organisation's register, addressed to the organiser) through the correspondence module's own
 * registration, in the same transaction: the letter then prints with that number. When the
 * invitation came as an incoming letter, the reply is linked to it as its answer.
 */
export async function declineInvitation(
  tx: Queryable,
  actor: Actor,
  id: string,
  input: TDeclineInvitation,
  setting: DeclineSetting,
): Promise<InvitationRow> {
  const row = await answerableInvitation(tx, actor, id, 'decline');
  const declined = await recordAnswer(tx, actor, row, { status: 'declined', declineReason: input.reason ?? null });
  const organiser = declined.organiserContactId ? await findContact(tx, actor, declined.organiserContactId) : null;
  const letter = declineLetter(
    declined,
    { name: setting.org.name, timeZone: setting.org.timeZone },
    organiser,
    setting.executive,
  );
  const outgoing = await registerCorrespondence(
    tx,
    actor,
    {
      direction: 'out',
      channel: 'postal',
      subject: letter.subject.slice(0, 300),
      body: replyText(letter.bodyHtml).replace(/&#39;/g, "'"),
      sender: recipientOf(declined, organiser),
      confidentiality: 'normal',
    },
    setting.org,
  );
  if (declined.correspondenceItemId) await linkAnswer(tx, actor, outgoing.id, declined.correspondenceItemId);
  const [linked] = await tx
    .update(agendaInvitations)
    .set({ replyItemId: outgoing.id })
    .where(and(eq(agendaInvitations.orgId, actor.orgId), eq(agendaInvitations.id, declined.id)))
    .returning();
  if (!linked) throw problems.notFound();
  return linked;
}
