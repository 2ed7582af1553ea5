import type { TLetter } from '../../platform/documents/letter';
import type { ContactRow } from '../directory/queries/find-contacts';
import type { AgendaOfficial } from './officials-index';
import type { InvitationRow } from './queries/find-invitations';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

function frenchDate(instant: Date, timeZone: string, withTime: boolean): string {
  return new Intl.DateTimeFormat('fr-FR', {
    timeZone,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    ...(withTime ? { hour: '2-digit', minute: '2-digit' } : {}),
  }).format(instant);
}

/**
 * The reply declining an invitation, signed by the executive it was addressed to: the
 * organiser's address from the directory when known, the event's day and place, the reason
 * when one was given. Registering it as outgoing mail comes with the correspondence link.
 */
export function declineLetter(
  invitation: InvitationRow,
  org: { name: string; timeZone: string },
  organiser: ContactRow | null,
  executive: AgendaOfficial | null,
  now = new Date(),
): TLetter {
  const address = organiser?.addresses[0];
  const when = frenchDate(invitation.startsAt, invitation.timeZone, !invitation.allDay);
  const where = invitation.placeLabel ? ` (${escapeHtml(invitation.placeLabel)})` : '';
  const reason = invitation.declineReason ? ` ${escapeHtml(invitation.declineReason)}` : '';
  return {
    letterhead: { organisationName: org.name, lines: [] },
    place: '',
    date: frenchDate(now, org.timeZone, false),
    references: [{ label: 'Objet de votre invitation', value: invitation.title }],
    recipient: {
      name: organiser?.displayName ?? invitation.organiserName,
      addressLines: address
        ? [address.line1, ...(address.line2 ? [address.line2] : []), `${address.postcode} ${address.city}`]
        : [],
    },
    subject: `Votre invitation : « ${invitation.title} »`,
    bodyHtml: [
      '<p>Madame, Monsieur,</p>',
      `<p>Vous avez bien voulu me convier à « ${escapeHtml(invitation.title)} », le ${escapeHtml(when)}${where}, et je vous en remercie sincèrement.</p>`,
      `<p>À mon grand regret, mes engagements ne me permettront pas d’y répondre favorablement.${reason}</p>`,
      '<p>Je vous prie d’agréer, Madame, Monsieur, l’expression de mes salutations distinguées.</p>',
    ].join(''),
    signature: executive
      ? { name: executive.displayName, title: executive.title === 'le Président' ? 'Le Président' : 'Le Maire' }
      : null,
  };
}
