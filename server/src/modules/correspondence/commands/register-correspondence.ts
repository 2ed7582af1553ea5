import type { TCreateCorrespondence } from '@dircab/contracts';
import type { CountryCode } from 'libphonenumber-js/max';
import { recordAudit } from '../../../platform/audit/record-audit';
import { localYear } from '../../../platform/calendar/working-days';
import type { Queryable } from '../../../platform/db/client';
import { isUniqueViolation } from '../../../platform/db/unique-violation';
import { problems } from '../../../platform/errors/problem';
import type { Actor } from '../../../platform/policy/actor';
import { touchContactActivity } from '../../directory/privacy/touch-contact-activity';
import { acknowledgeOnRegistration } from '../acknowledgement/commands/acknowledge-on-registration';
import { correspondenceItems } from '../correspondence.schema';
import { campaignLockKey, groupIntoCampaign } from '../inbound/campaigns/group-into-campaign';
import { formatRegistrationNumber, takeNextSequence } from '../numbering';
import { withTags } from '../tags/item-tags';
import { indexItem } from './index-item';
import { itemDates } from './item-dates';
import { checkMembers, checkReceivedAt, checkTerritory } from './item-references';
import { matchOrCreateSender } from './match-sender';
import { registrationContextOf } from './registration-context';

/** What registration needs to know of the organisation: its calendar and its phone region. */
export interface OrganisationSetting {
  timeZone: string;
  officialCode: string;
  region: CountryCode;
}

export type ItemRow = typeof correspondenceItems.$inferSelect;

/**
 * Registers an item: checks its references, matches the writer to the directory (or adds
 * them), takes the next number of the organisation's register for the year, sets the due and
 * implicit-decision dates from the item's type, then audits and indexes it, groups it into its
 * campaign and, for a digital request, emails its acknowledgement, all in the caller's
 * transaction (a rollback gives the number back). `source.messageId`: the email it came as.
 */
export async function registerCorrespondence(
  tx: Queryable,
  actor: Actor,
  input: TCreateCorrespondence,
  org: OrganisationSetting,
  now: Date = new Date(),
  source: { messageId?: string | null } = {},
): Promise<ItemRow> {
  const receivedAt = input.receivedAt ? new Date(input.receivedAt) : now;
  checkReceivedAt(receivedAt, now);
  // Everything that reads or checks (the type, format and calendar in one statement, the
  // references, the writer) runs before the register's lock: concurrent registrations do it
  // side by side, and only the numbered part below queues.
  const { type, format, calendar } = await registrationContextOf(tx, actor, input.direction, input.typeId);
  await checkTerritory(tx, actor, input.territoryId);
  await checkMembers(tx, actor, input.members);
  const sender = await matchOrCreateSender(tx, actor, input.sender, org.region);
  // The person wrote, called or came: their retention clock restarts (directory privacy).
  if (input.direction === 'in') await touchContactActivity(tx, actor.orgId, sender.contactId, receivedAt);

  // The register's year is the year of registration in the organisation's time zone.
  const year = localYear(now, org.timeZone);
  // Campaign grouping must be decided one incoming registration at a time: two near-identical
  // letters registered at the same instant would each miss the other's uncommitted item and
  // start two campaigns. Its lock is taken after the writer's lock (matchOrCreateSender) and
  // before the numbering counter, in the counter's own statement, always in that order, so the
  // locks never cross. From the counter to the commit, registrations of the organisation queue
  // anyway: the lock adds no wait of its own, whereas taken first it made them queue for the
  // checks and the writer's match too.
  const lock = input.direction === 'in' ? campaignLockKey(actor.orgId) : undefined;
  const sequence = await takeNextSequence(tx, actor.orgId, input.direction, year, lock);
  const confidentiality = input.confidentiality ?? 'normal';
  const [row] = await refuseTakenNumber(() =>
    tx
      .insert(correspondenceItems)
      .values({
        orgId: actor.orgId,
        direction: input.direction,
        registrationNumber: formatRegistrationNumber(format, year, sequence),
        year,
        sequence,
        channel: input.channel,
        typeId: type?.id ?? null,
        subject: input.subject,
        body: input.body ?? '',
        receivedAt,
        senderContactId: sender.contactId,
        senderName: input.sender.name,
        senderEmail: input.sender.email ?? null,
        senderPhone: input.sender.phone ?? null,
        senderAddress: input.sender.address ?? null,
        topic: input.topic ?? null,
        territoryId: input.territoryId ?? null,
        priority: input.priority ?? 'normal',
        confidentiality,
        // Whoever registers a restricted or confidential item keeps sight of it.
        members: [...new Set([...(input.members ?? []), ...(confidentiality !== 'normal' ? [actor.userId] : [])])],
        ...withTags(input.tags ?? []),
        ...itemDates(input.direction, type, receivedAt, calendar),
      })
      .returning(),
  );
  if (!row) throw new Error('correspondence item not registered');
  await recordAudit(tx, actor, {
    action: 'correspondence.register',
    recordType: 'correspondence',
    recordId: row.id,
    summary: {
      after: {
        registrationNumber: row.registrationNumber,
        direction: row.direction,
        channel: row.channel,
        confidentiality: row.confidentiality,
        senderContactId: row.senderContactId,
        senderCreated: sender.created,
      },
    },
  });
  await indexItem(tx, row, { fresh: true });
  // Every channel goes through here, so a petition's letters, calls and emails all meet; an
  // incoming registration already holds the grouping's lock (taken with its number).
  await groupIntoCampaign(tx, actor, row, { registerLocked: input.direction === 'in' });
  // A digital request is acknowledged by email at once, in this transaction (never lost, once).
  await acknowledgeOnRegistration(
    tx,
    actor,
    row,
    { acknowledgementDue: type?.acknowledgementDue ?? false, messageId: source.messageId },
    org.timeZone,
    now,
  );
  return row;
}

/**
 * A format changed during the year could in theory render a new sequence as a number already
 * given: the unique index refuses it, and the answer is a 409, not a 500 (nothing is written).
 */
async function refuseTakenNumber<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw problems.conflict(
        'Ce numéro d’enregistrement a déjà été attribué : vérifiez le format de numérotation de l’organisation.',
      );
    }
    throw error;
  }
}
