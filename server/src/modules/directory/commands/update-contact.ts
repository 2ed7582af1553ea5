import { missingContactNames, type TUpdateContact } from '@dircab/contracts';
import { and, eq } from 'drizzle-orm';
import type { CountryCode } from 'libphonenumber-js/max';
import { recordAudit } from '../../../platform/audit/record-audit';
import type { Queryable } from '../../../platform/db/client';
import { problems } from '../../../platform/errors/problem';
import type { Actor } from '../../../platform/policy/actor';
import { contactNames } from '../contact-names';
import { contactPolicy } from '../directory.policy';
import { contacts } from '../directory.schema';
import { refreshDuplicateCandidates } from '../duplicates/refresh-duplicate-candidates';
import { type ContactRow, findContact } from '../queries/find-contacts';
import { refuseAnonymised } from './anonymised-guard';
import { checkContactInput, today } from './contact-input';
import { indexContact } from './index-contact';

type Changes = Partial<Omit<ContactRow, 'id' | 'orgId' | 'createdAt' | 'updatedAt' | 'deletedAt'>>;

/** Changes a contact the actor may see and edit; the audit keeps the fields before and after. */
export async function updateContact(
  tx: Queryable,
  actor: Actor,
  id: string,
  input: TUpdateContact,
  region: CountryCode,
): Promise<ContactRow> {
  const before = await findContact(tx, actor, id);
  if (!before) throw problems.notFound();
  if (!contactPolicy.can(actor, 'update', before)) throw problems.forbidden();
  refuseAnonymised(before);
  const { phones } = await checkContactInput(tx, actor, input, region);
  const requested: Changes = Object.fromEntries(
    Object.entries({ ...input, phones }).filter(([, v]) => v !== undefined),
  ) as Changes;
  if (input.consent === true && !before.consent && input.consentDate === undefined) requested.consentDate = today();
  const merged = { ...before, ...requested };
  const missing = missingContactNames(merged);
  if (missing) {
    throw problems.badRequest('Le corps de la requête contient des valeurs invalides.', [
      { path: missing.path, message: missing.message, code: 'required' },
    ]);
  }
  Object.assign(requested, contactNames(merged));
  const changed: Changes = {};
  const was: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(requested) as [keyof Changes, unknown][]) {
    if (JSON.stringify(value) !== JSON.stringify(before[key])) {
      (changed as Record<string, unknown>)[key] = value;
      was[key] = before[key];
    }
  }
  if (Object.keys(changed).length === 0) return before;
  const [row] = await tx
    .update(contacts)
    .set({ ...changed, updatedAt: new Date(), lastActivityAt: new Date() })
    .where(and(eq(contacts.orgId, actor.orgId), eq(contacts.id, id)))
    .returning();
  if (!row) throw problems.notFound();
  await recordAudit(tx, actor, {
    action: 'contact.update',
    recordType: 'contact',
    recordId: id,
    summary: { before: was, after: changed },
  });
  await indexContact(tx, row);
  // Keeps the organisation-wide duplicates list current (duplicates/).
  await refreshDuplicateCandidates(tx, row.orgId, [row.id]);
  return row;
}
