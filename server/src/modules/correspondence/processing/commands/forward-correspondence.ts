import type { TForwardCorrespondence, TPostalAddress } from '@dircab/contracts';
import { and, asc, eq } from 'drizzle-orm';
import type { Queryable } from '../../../../platform/db/client';
import { blocksToText, parseHtmlSubset } from '../../../../platform/documents/html-subset';
import { renderLetter } from '../../../../platform/documents/render-letter';
import { problems } from '../../../../platform/errors/problem';
import { files } from '../../../../platform/files/files.schema';
import { enqueueMail } from '../../../../platform/mailer/mail-job';
import { findMailSettings } from '../../../../platform/mailer/mail-settings';
import type { Actor } from '../../../../platform/policy/actor';
import { findContact } from '../../../directory/queries/find-contacts';
import { findLetterhead } from '../../acknowledgement/letterhead';
import { originalMessageId } from '../../acknowledgement/queries/original-message-id';
import { indexItem } from '../../commands/index-item';
import { type OrganisationSetting, registerCorrespondence } from '../../commands/register-correspondence';
import { FORWARDABLE } from '../../correspondence.policy';
import { correspondenceItems } from '../../correspondence.schema';
import { ITEM_FILES } from '../../inbound/attachments/attachment-search-text';
import type { ItemRow } from '../../queries/find-correspondence';
import { correspondenceForwards } from '../forward.schema';
import {
  AUTHORITY_LETTER_SUBJECT,
  type Authority,
  authorityLetterHtml,
  forwardLetter,
  WRITER_LETTER_SUBJECT,
  writerLetterHtml,
} from '../forward-letters';
import { loadForAction, moveItem } from '../load-item';
import { answerSubject } from '../reply-subject';

/** The request's own files travel with the cover letter's email up to this size. */
const MAX_FORWARDED_BYTES = 10 * 1024 * 1024;

function addressText(a: TPostalAddress | undefined): string | null {
  if (!a) return null;
  return [a.line1, a.line2, `${a.postcode} ${a.city}`, a.country].filter(Boolean).join('\n');
}

/** The authority as given, completed from its directory entry (its first email and address). */
async function authorityOf(tx: Queryable, actor: Actor, input: TForwardCorrespondence): Promise<Authority> {
  const given = { name: input.authority, email: input.authorityEmail ?? null, address: input.authorityAddress || null };
  if (!input.authorityContactId) return given;
  const contact = await findContact(tx, actor, input.authorityContactId);
  if (!contact) {
    throw problems.badRequest('L’autorité choisie est introuvable dans l’annuaire.', [
      { path: 'authorityContactId', message: 'Ce contact n’existe pas dans l’organisation.', code: 'unknown_contact' },
    ]);
  }
  return {
    name: given.name,
    email: given.email ?? contact.emails[0]?.email ?? null,
    address: given.address ?? addressText(contact.addresses[0]),
  };
}

interface Outgoing {
  row: ItemRow;
  email: boolean;
}

/** One letter registered in the D register as sent, answering the forwarded item. */
async function registerLetter(
  tx: Queryable,
  actor: Actor,
  item: ItemRow,
  to: { name: string; email: string | null; address: string | null; contactId: string | null },
  letter: { subject: string; bodyHtml: string },
  org: OrganisationSetting,
  mailable: boolean,
  now: Date,
): Promise<Outgoing> {
  const email = mailable && to.email !== null;
  const registered = await registerCorrespondence(
    tx,
    actor,
    {
      direction: 'out',
      channel: email ? 'email' : 'postal',
      subject: letter.subject,
      body: blocksToText(parseHtmlSubset(letter.bodyHtml)),
      sender: { name: to.name, email: to.email, address: to.address },
      topic: item.topic,
      territoryId: item.territoryId,
      confidentiality: item.confidentiality,
      members: item.members,
    },
    org,
    now,
  );
  const [row] = await tx
    .update(correspondenceItems)
    .set({
      inReplyToId: item.id,
      status: 'sent',
      senderContactId: to.contactId ?? registered.senderContactId,
      serviceIds: item.serviceIds,
      routedUserIds: item.routedUserIds,
      updatedAt: now,
    })
    .where(and(eq(correspondenceItems.orgId, actor.orgId), eq(correspondenceItems.id, registered.id)))
    .returning();
  if (!row) throw new Error('forwarding letter not registered');
  await indexItem(tx, row);
  return { row, email };
}

/** The request's files (the scan, the writer's email), as many as fit in one message. */
async function requestFiles(tx: Queryable, item: ItemRow) {
  const rows = await tx
    .select({ filename: files.filename, content: files.content, mediaType: files.mediaType })
    .from(files)
    .where(and(eq(files.orgId, item.orgId), eq(files.ownerKind, ITEM_FILES), eq(files.ownerId, item.id)))
    .orderBy(asc(files.id));
  let total = 0;
  return rows.flatMap((f) => {
    total += f.content.length;
    if (total > MAX_FORWARDED_BYTES) return [];
    return [{ filename: f.filename, content: Buffer.from(f.content), contentType: f.mediaType }];
  });
}

/**
 * The request belongs to another authority (the State, the province, another commune): CRPA
 * L.114-2 has it sent on and the writer told. Two letters with the letterhead are registered
 * as outgoing items answering it (`D` numbers): the cover letter to the authority, quoting the
 * request, and the transmission letter to the writer. Each leaves by email (its PDF attached,
 * the authority's with the request's files; the writer's in their thread when they wrote by
 * email) when an address is known and a mail server set, in this transaction; otherwise it is
 * printed from `/forward/letter`. The item moves to `forwarded`, audited with the authority.
 */
export async function forwardCorrespondence(
  tx: Queryable,
  actor: Actor,
  id: string,
  input: TForwardCorrespondence,
  org: OrganisationSetting & { name: string },
  now: Date = new Date(),
): Promise<ItemRow> {
  const { row: item } = await loadForAction(tx, actor, id, 'forward', FORWARDABLE, 'transmettre ce courrier');
  const authority = await authorityOf(tx, actor, input);
  const mailable = (await findMailSettings(tx, actor.orgId)) !== null;
  const attached = await requestFiles(tx, item);
  const comment = input.comment || null;
  const letters = {
    authority: {
      subject: AUTHORITY_LETTER_SUBJECT,
      bodyHtml: authorityLetterHtml(item, comment, org.timeZone, attached.length),
    },
    writer: { subject: WRITER_LETTER_SUBJECT, bodyHtml: writerLetterHtml(item, authority, org.timeZone) },
  };
  const toAuthority = await registerLetter(
    tx,
    actor,
    item,
    { ...authority, contactId: input.authorityContactId ?? null },
    letters.authority,
    org,
    mailable,
    now,
  );
  const toWriter = await registerLetter(
    tx,
    actor,
    item,
    { name: item.senderName, email: item.senderEmail, address: item.senderAddress, contactId: item.senderContactId },
    letters.writer,
    org,
    mailable,
    now,
  );
  await tx.insert(correspondenceForwards).values({
    orgId: actor.orgId,
    itemId: item.id,
    authorityName: authority.name,
    authorityContactId: input.authorityContactId ?? null,
    authorityEmail: authority.email,
    authorityAddress: authority.address,
    comment,
    authorityLetterItemId: toAuthority.row.id,
    writerLetterItemId: toWriter.row.id,
    authorityLetterHtml: letters.authority.bodyHtml,
    writerLetterHtml: letters.writer.bodyHtml,
    forwardedBy: actor.userId ?? null,
    forwardedAt: now,
  });

  const letterhead = await findLetterhead(tx, { id: actor.orgId, name: org.name });
  const pdfOf = (to: 'writer' | 'authority', out: Outgoing) =>
    renderLetter(
      forwardLetter(
        item,
        {
          ...letters[to],
          number: out.row.registrationNumber,
          recipientName: out.row.senderName,
          recipientAddress: out.row.senderAddress,
        },
        now,
        org.timeZone,
        letterhead,
        to,
      ),
      'pdf',
    );
  if (toAuthority.email && authority.email) {
    await enqueueMail(
      tx,
      actor.orgId,
      {
        to: authority.email,
        subject: `${AUTHORITY_LETTER_SUBJECT} (${item.registrationNumber})`,
        text: blocksToText(parseHtmlSubset(letters.authority.bodyHtml)),
        html: letters.authority.bodyHtml,
        attachments: [
          {
            filename: `${toAuthority.row.registrationNumber}.pdf`,
            content: await pdfOf('authority', toAuthority),
            contentType: 'application/pdf',
          },
          ...attached,
        ],
      },
      { idempotencyKey: `correspondence.forward:${toAuthority.row.id}` },
    );
  }
  if (toWriter.email && item.senderEmail) {
    const answered = item.channel === 'email' ? await originalMessageId(tx, actor.orgId, item.id) : null;
    await enqueueMail(
      tx,
      actor.orgId,
      {
        to: item.senderEmail,
        subject: answered ? answerSubject(item.subject) : WRITER_LETTER_SUBJECT,
        text: blocksToText(parseHtmlSubset(letters.writer.bodyHtml)),
        html: letters.writer.bodyHtml,
        ...(answered ? { inReplyTo: answered, references: [answered] } : {}),
        attachments: [
          {
            filename: `${toWriter.row.registrationNumber}.pdf`,
            content: await pdfOf('writer', toWriter),
            contentType: 'application/pdf',
          },
        ],
      },
      { idempotencyKey: `correspondence.forward:${toWriter.row.id}` },
    );
  }
  return moveItem(tx, actor, item, 'forwarded', 'correspondence.forward', {
    authority: authority.name,
    authorityEmail: authority.email,
    authorityAddress: authority.address,
    authorityContactId: input.authorityContactId ?? null,
    comment,
    legalBasis: 'CRPA L.114-2',
    authorityLetter: {
      registrationNumber: toAuthority.row.registrationNumber,
      method: toAuthority.email ? 'email' : 'post',
    },
    writerLetter: { registrationNumber: toWriter.row.registrationNumber, method: toWriter.email ? 'email' : 'post' },
  });
}
