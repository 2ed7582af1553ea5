import { escapeXml } from '../../../platform/documents/html-subset';
import type { TLetter } from '../../../platform/documents/letter';
import { addressLinesOf } from '../acknowledgement/build-acknowledgement';
import { type LetterheadRow, letterheadLines } from '../acknowledgement/letterhead';
import type { ItemRow } from '../queries/find-correspondence';
import { frenchDate } from './reply-html';

/** Who the request goes to. */
export interface Authority {
  name: string;
  email: string | null;
  address: string | null;
}

export const WRITER_LETTER_SUBJECT = 'Transmission de votre demande à l’autorité compétente';
export const AUTHORITY_LETTER_SUBJECT = 'Transmission d’une demande relevant de votre compétence';

/** How much of the request the cover letter quotes (the original is attached or enclosed). */
const QUOTED_CHARS = 6000;

const p = (text: string) => `<p>${escapeXml(text)}</p>`;

/**
 * The letter telling the writer their request went to the competent authority (CRPA L.114-2),
 * with what L.114-3 says of the implicit decision's delays: a rejection's runs from our
 * receipt, an acceptance's only from the competent authority's.
 */
export function writerLetterHtml(item: ItemRow, authority: Authority, timeZone: string): string {
  const received = frenchDate(item.receivedAt, timeZone);
  return [
    p('Madame, Monsieur,'),
    p(
      `Votre courrier du ${received} relatif à « ${item.subject} », enregistré sous le numéro ${item.registrationNumber}, ` +
        `relève de la compétence de l’autorité suivante : ${authority.name}.`,
    ),
    p(
      'Conformément à l’article L.114-2 du code des relations entre le public et l’administration, nous le lui avons ' +
        `transmis ce jour${authority.address ? ` (${authority.address.replace(/\s*\n\s*/g, ', ')})` : ''}. ` +
        'Cette autorité vous en accusera réception et vous répondra directement.',
    ),
    p(
      'En application de l’article L.114-3 du même code, le délai au terme duquel une décision implicite de rejet est ' +
        `susceptible d’intervenir court à compter du ${received}, date de réception de votre demande par nos services ; ` +
        'le délai au terme duquel une décision implicite d’acceptation est susceptible d’intervenir ne court qu’à compter ' +
        'de la date de réception de votre demande par l’autorité compétente.',
    ),
    p('Nous vous prions d’agréer, Madame, Monsieur, l’expression de nos salutations distinguées.'),
  ].join('');
}

/** The cover letter sending the request on to the competent authority, quoting it. */
export function authorityLetterHtml(
  item: ItemRow,
  comment: string | null,
  timeZone: string,
  attachedFiles: number,
): string {
  const received = frenchDate(item.receivedAt, timeZone);
  const writer = item.senderAddress
    ? `${item.senderName} (${item.senderAddress.replace(/\s*\n\s*/g, ', ')})`
    : item.senderName;
  const quoted = item.body.trim().slice(0, QUOTED_CHARS);
  return [
    p('Madame, Monsieur,'),
    p(
      'En application de l’article L.114-2 du code des relations entre le public et l’administration, j’ai l’honneur ' +
        `de vous transmettre le courrier de ${writer}, reçu le ${received} et enregistré sous le numéro ` +
        `${item.registrationNumber}, relatif à « ${item.subject} », qui relève de votre compétence.`,
    ),
    ...(comment ? [p(comment)] : []),
    p(
      'Son auteur a été informé de cette transmission. ' +
        (attachedFiles > 0
          ? 'Vous trouverez ce courrier en pièce jointe.'
          : 'Vous trouverez ci-dessous le texte de ce courrier.'),
    ),
    ...(quoted
      ? [
          `<p><strong>${escapeXml('Texte du courrier :')}</strong></p>`,
          ...quoted
            .split(/\n\s*\n|\r?\n/)
            .map((l) => l.trim())
            .filter(Boolean)
            .map((l) => `<p><em>${escapeXml(l)}</em></p>`),
        ]
      : []),
    p('Je vous prie d’agréer, Madame, Monsieur, l’expression de ma considération distinguée.'),
  ].join('');
}

/** One of the two letters as printed: the letterhead, the recipient, our number, the words kept. */
export function forwardLetter(
  item: ItemRow,
  letter: { subject: string; bodyHtml: string; number: string; recipientName: string; recipientAddress: string | null },
  forwardedAt: Date,
  timeZone: string,
  letterhead: LetterheadRow,
  to: 'writer' | 'authority',
): TLetter {
  return {
    letterhead: { organisationName: letterhead.organisationName, lines: letterheadLines(letterhead) },
    place: letterhead.place,
    date: frenchDate(forwardedAt, timeZone),
    references: [
      { label: 'Nos réf.', value: letter.number },
      {
        label: to === 'writer' ? 'Votre courrier' : 'Courrier transmis',
        value: `${item.registrationNumber} du ${frenchDate(item.receivedAt, timeZone)}`,
      },
    ],
    recipient: { name: letter.recipientName, addressLines: addressLinesOf(letter.recipientAddress) },
    subject: letter.subject,
    bodyHtml: letter.bodyHtml,
    signature: letterhead.executiveName
      ? { name: letterhead.executiveName, title: letterhead.executiveTitle ?? '' }
      : null,
  };
}
