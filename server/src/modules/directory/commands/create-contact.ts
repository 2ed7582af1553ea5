import type { TCreateContact } from '@dircab/contracts';
import type { CountryCode } from 'libphonenumber-js/max';
import { recordAudit } from '../../../platform/audit/record-audit';
import type { Queryable } from '../../../platform/db/client';
import type { Actor } from '../../../platform/policy/actor';
import { contactNames } from '../contact-names';
import { contacts } from '../directory.schema';
import { refreshDuplicateCandidates } from '../duplicates/refresh-duplicate-candidates';
import type { ContactRow } from '../queries/find-contacts';
import { checkContactInput, today } from './contact-input';
import { indexContact } from './index-contact';

/** Adds a person or an organisation to the address book, audited and searchable. */
export async function createContact(
  tx: Queryable,
  actor: Actor,
  input: TCreateContact,
  region: CountryCode,
): Promise<ContactRow> {
  const { phones } = await checkContactInput(tx, actor, input, region);
  const consent = input.consent ?? false;
  const [row] = await tx
    .insert(contacts)
    .values({
      orgId: actor.orgId,
      kind: input.kind,
      civility: input.civility ?? null,
      firstName: input.firstName ?? null,
      lastName: input.lastName ?? null,
      name: input.name ?? null,
      orgType: input.orgType ?? null,
      formOfAddress: input.formOfAddress ?? null,
      jobTitle: input.jobTitle ?? null,
      employer: input.employer ?? null,
      addresses: input.addresses ?? [],
      emails: input.emails ?? [],
      phones: phones ?? [],
      territoryId: input.territoryId ?? null,
      tags: input.tags ?? [],
      notes: input.notes ?? null,
      source: input.source ?? null,
      consent,
      consentDate: input.consentDate ?? (consent ? today() : null),
      confidentiality: input.confidentiality ?? 'normal',
      // Whoever files a restricted or confidential contact keeps sight of it.
      members: [
        ...new Set([
          ...(input.members ?? []),
          ...(input.confidentiality && input.confidentiality !== 'normal' ? [actor.userId] : []),
        ]),
      ],
      ...contactNames(input),
    })
    .returning();
  if (!row) throw new Error('contact not created');
  await recordAudit(tx, actor, {
    action: 'contact.create',
    recordType: 'contact',
    recordId: row.id,
    summary: { after: { kind: row.kind, displayName: row.displayName, confidentiality: row.confidentiality } },
  });
  await indexContact(tx, row);
  // Keeps the organisation-wide duplicates list current (duplicates/).
  await refreshDuplicateCandidates(tx, row.orgId, [row.id]);
  return row;
}
