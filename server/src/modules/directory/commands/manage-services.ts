import type { TCreateService, TUpdateService } from '@dircab/contracts';
import { and, eq } from 'drizzle-orm';
import type { CountryCode } from 'libphonenumber-js/max';
import { diffSummary, recordAudit } from '../../../platform/audit/record-audit';
import type { Queryable } from '../../../platform/db/client';
import { uniqueName } from '../../../platform/db/unique-violation';
import { problems } from '../../../platform/errors/problem';
import type { Actor } from '../../../platform/policy/actor';
import { indexRecord, removeFromIndex } from '../../../platform/search/search-index';
import { referencePolicy } from '../directory.policy';
import { services } from '../directory.schema';
import { normalisePhone } from '../phone';
import { findService, type ServiceRow } from '../queries/find-services';

const DUPLICATE = 'Un service porte déjà ce nom dans l’organisation.';

function phoneOf(input: string | null | undefined, region: CountryCode): string | null | undefined {
  if (input === undefined || input === null) return input;
  const phone = normalisePhone(input, region);
  if (!phone) {
    throw problems.badRequest('Le corps de la requête contient des valeurs invalides.', [
      { path: 'phone', message: 'Numéro de téléphone invalide.', code: 'invalid_phone' },
    ]);
  }
  return phone;
}

/** Puts a service in the global search (kind `service`): its topics find it. */
export async function indexService(tx: Queryable, row: ServiceRow): Promise<void> {
  await indexRecord(tx, {
    orgId: row.orgId,
    kind: 'service',
    recordId: row.id,
    title: row.name,
    body: [row.headName, row.topics.join(', '), row.email].filter(Boolean).join(' · '),
    url: `/directory/services/${row.id}`,
    confidentiality: 'normal',
  });
}

/** Adds a service (department) with the topics it handles. */
export async function createService(
  tx: Queryable,
  actor: Actor,
  input: TCreateService,
  region: CountryCode,
): Promise<ServiceRow> {
  const values = {
    orgId: actor.orgId,
    name: input.name,
    headName: input.headName ?? null,
    email: input.email ?? null,
    phone: phoneOf(input.phone, region) ?? null,
    address: input.address ?? null,
    topics: input.topics ?? [],
  };
  const [row] = await uniqueName(() => tx.insert(services).values(values).returning(), DUPLICATE);
  if (!row) throw new Error('service not created');
  await recordAudit(tx, actor, {
    action: 'service.create',
    recordType: 'service',
    recordId: row.id,
    summary: { after: { name: row.name, headName: row.headName, topics: row.topics } },
  });
  await indexService(tx, row);
  return row;
}

/** Changes a service's name, head, contacts or topics. */
export async function updateService(
  tx: Queryable,
  actor: Actor,
  id: string,
  input: TUpdateService,
  region: CountryCode,
): Promise<ServiceRow> {
  const before = await findService(tx, actor, id);
  if (!before) throw problems.notFound();
  if (!referencePolicy.can(actor, 'update', before)) throw problems.forbidden();
  const summary = diffSummary(before, {
    name: input.name,
    headName: input.headName,
    email: input.email,
    phone: phoneOf(input.phone, region),
    address: input.address,
    topics: input.topics && JSON.stringify(input.topics) !== JSON.stringify(before.topics) ? input.topics : undefined,
  });
  const [row] = await uniqueName(
    () =>
      tx
        .update(services)
        .set({ ...summary.after, updatedAt: new Date() })
        .where(and(eq(services.orgId, actor.orgId), eq(services.id, id)))
        .returning(),
    DUPLICATE,
  );
  if (!row) throw problems.notFound();
  await recordAudit(tx, actor, { action: 'service.update', recordType: 'service', recordId: id, summary });
  await indexService(tx, row);
  return row;
}

/** Removes a service and its search entry. */
export async function deleteService(tx: Queryable, actor: Actor, id: string): Promise<void> {
  const before = await findService(tx, actor, id);
  if (!before) throw problems.notFound();
  if (!referencePolicy.can(actor, 'delete', before)) throw problems.forbidden();
  await tx.delete(services).where(and(eq(services.orgId, actor.orgId), eq(services.id, id)));
  await recordAudit(tx, actor, {
    action: 'service.delete',
    recordType: 'service',
    recordId: id,
    summary: { before: { name: before.name, headName: before.headName, topics: before.topics } },
  });
  await removeFromIndex(tx, { orgId: actor.orgId, kind: 'service', recordId: id });
}
