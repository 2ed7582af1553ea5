import { simpleParser } from 'mailparser';
import { z } from 'zod';
import { problems } from '../../../../platform/errors/problem';
import type { Upload } from '../attachments/add-attachments';

export interface ParsedEmail {
  /** Without angle brackets; null when the message has none. */
  messageId: string | null;
  sender: { name: string; email: string | null };
  subject: string;
  /** The text part, or the HTML part converted to text when there is no text part. */
  body: string;
  /** The Date header; null when absent or unreadable. */
  date: Date | null;
  attachments: Upload[];
}

const MAX_SUBJECT = 300;
const MAX_BODY = 100_000;
const MAX_ATTACHMENTS = 20;
const ZEmailAddress = z.email();

/**
 * Reads an RFC 822 message (an .eml file, a gateway's delivery): encoded-word headers
 * (`=?UTF-8?Q?…?=`), quoted-printable and base64 parts, charsets, HTML-only bodies (turned
 * into text by mailparser's html-to-text). Inline images of the HTML (signatures, logos) are
 * not attachments. Anything that is not a message is a 400 on `field`.
 */
export async function parseEmail(raw: Buffer, field = 'file'): Promise<ParsedEmail> {
  const notAMessage = () =>
    problems.badRequest('Ce contenu n’est pas un message électronique lisible.', [
      { path: field, message: 'Message RFC 822 (.eml) attendu, avec un expéditeur (From).', code: 'invalid_email' },
    ]);
  let mail: Awaited<ReturnType<typeof simpleParser>>;
  try {
    mail = await simpleParser(raw, { skipImageLinks: true });
  } catch {
    throw notAMessage();
  }
  const from = mail.from?.value[0];
  const address = from?.address?.trim().toLowerCase() || null;
  const email = address && ZEmailAddress.safeParse(address).success ? address : null;
  const name = from?.name?.trim() || email || '';
  if (!name) throw notAMessage();
  const date = mail.date && !Number.isNaN(mail.date.getTime()) ? mail.date : null;
  return {
    messageId: mail.messageId?.trim().replace(/^<|>$/g, '') || null,
    sender: { name: name.slice(0, 200), email },
    subject: (mail.subject?.trim() || '(sans objet)').slice(0, MAX_SUBJECT),
    body: (mail.text ?? '').replace(/\r\n/g, '\n').trim().slice(0, MAX_BODY),
    date,
    attachments: mail.attachments
      .filter((a) => !a.related)
      .slice(0, MAX_ATTACHMENTS)
      .map((a) => ({ filename: a.filename ?? 'piece-jointe', content: a.content })),
  };
}
