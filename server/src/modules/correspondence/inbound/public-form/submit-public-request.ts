import { type TPublicRequest, ZCreateCorrespondence } from '@dircab/contracts';
import { recordAudit } from '../../../../platform/audit/record-audit';
import type { Queryable } from '../../../../platform/db/client';
import { problems } from '../../../../platform/errors/problem';
import { registerCorrespondence } from '../../commands/register-correspondence';
import { type InboundOrganisation, systemActor } from '../inbound-organisation';
import { publicFormSettingsOf } from './public-form-settings';

/**
 * Registers a request sent with the town's web form (channel `web_form`), as no user: the
 * audit rows carry no actor and say « formulaire public ». Returns the registration number,
 * the only thing the writer is told.
 */
export async function submitPublicRequest(
  tx: Queryable,
  org: InboundOrganisation,
  input: TPublicRequest,
  ip: string,
): Promise<string> {
  const actor = systemActor(org.id, ip, 'Formulaire public');
  // The organisation's chosen type gives the request its delay and, when the type calls for
  // one, its acknowledgement by email at registration.
  const { typeId } = await publicFormSettingsOf(tx, org.id);
  const parsed = ZCreateCorrespondence.safeParse({
    direction: 'in',
    channel: 'web_form',
    subject: input.subject,
    body: input.message,
    sender: {
      name: input.name,
      email: input.email ?? null,
      phone: input.phone || null,
      address: input.address || null,
    },
    ...(input.topic ? { topic: input.topic } : {}),
    ...(typeId ? { typeId } : {}),
  });
  if (!parsed.success) {
    throw problems.badRequest(
      'La demande contient des valeurs invalides.',
      parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message, code: i.code })),
    );
  }
  const item = await registerCorrespondence(tx, actor, parsed.data, org);
  await recordAudit(tx, actor, {
    action: 'correspondence.receive',
    recordType: 'correspondence',
    recordId: item.id,
    summary: { after: { via: 'formulaire public', consent: true } },
  });
  return item.registrationNumber;
}
