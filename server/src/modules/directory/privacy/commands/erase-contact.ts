import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../../../../platform/db/client';
import { problems } from '../../../../platform/errors/problem';
import type { Actor } from '../../../../platform/policy/actor';
import { contacts } from '../../directory.schema';
import { findContact } from '../../queries/find-contacts';
import { categorySelection } from '../queries/retention-scope';
import { anonymiseContact } from './anonymise-contact';

/**
 * Erasure on a person's request (RGPD art. 17): anonymises the contact at once, with the same
 * function as the retention job; the reason stays in the audit. An official of the organisation
 * during a mandate cannot be erased (the mandate is a public office): 409.
 */
export async function eraseContact(tx: Queryable, actor: Actor, id: string, reason: string): Promise<void> {
  const contact = await findContact(tx, actor, id);
  if (!contact) throw problems.notFound();
  if (contact.anonymisedAt) throw problems.conflict('Ce contact est déjà anonymisé.');
  const [scope] = await tx
    .select(categorySelection)
    .from(contacts)
    .where(and(eq(contacts.orgId, actor.orgId), eq(contacts.id, id)));
  if (!scope) throw problems.notFound();
  if (scope.category === 'ownOfficial' && scope.mandateInForce) {
    throw problems.conflict(
      'Ce contact est un élu de l’organisation dont le mandat est en cours : ses données ne peuvent pas être effacées avant la fin du mandat.',
    );
  }
  await anonymiseContact(tx, actor, {
    orgId: actor.orgId,
    contactId: id,
    trigger: 'erasure',
    category: scope.category,
    reason,
  });
}
