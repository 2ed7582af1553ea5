import type { Queryable } from '../../../platform/db/client';
import { blocksToHtml, blocksToText, escapeXml, parseHtmlSubset } from '../../../platform/documents/html-subset';
import type { TLetter } from '../../../platform/documents/letter';
import type { ItemRow } from '../queries/find-correspondence';
import { ensureDefaultTemplate } from './commands/ensure-default-template';
import { frenchDate, frenchDay } from './french-dates';
import { findLetterhead, type LetterheadRow, letterheadLines } from './letterhead';
import { type MergeSections, type MergeValues, mergeTemplate } from './merge-fields';
import type { AckTemplateRow } from './queries/find-ack-templates';
import { type ServiceInCharge, serviceInCharge } from './service-in-charge';

export interface Acknowledgement {
  template: AckTemplateRow;
  letter: TLetter;
  /** The email's parts: the same words as the letter. */
  email: { subject: string; text: string; html: string };
}

export interface AckOrganisation {
  id: string;
  name: string;
  timeZone: string;
}

/** The appeal routes against an implicit rejection (CRPA L.411-2, CJA R.421-1 and R.421-2, L.232-4). */
function appealRoutes(letterhead: LetterheadRow): string {
  const authority = toAuthority(letterhead.executiveTitle);
  return (
    'À défaut de réponse à cette date, votre demande sera réputée rejetée. Vous pourrez alors, dans un délai de deux mois, ' +
    `former un recours gracieux auprès ${authority} ou un recours contentieux devant ${letterhead.appealCourt}. ` +
    'Dans ce même délai, vous pourrez demander la communication des motifs de cette décision implicite de rejet ' +
    '(article L.232-4 du code des relations entre le public et l’administration) : le délai de recours sera alors ' +
    'prolongé jusqu’à l’expiration de deux mois suivant le jour où les motifs vous auront été communiqués.'
  );
}

/** "Le Maire" → "du Maire", "La Présidente" → "de la Présidente": the words after "auprès". */
function toAuthority(title: string | null): string {
  const t = title?.trim();
  if (!t) return 'de l’autorité territoriale';
  if (/^le /i.test(t)) return `du ${t.slice(3)}`;
  if (/^la /i.test(t)) return `de la ${t.slice(3)}`;
  if (/^l[’']/i.test(t)) return `de l’${t.slice(2)}`;
  return `de ${t}`;
}

function serviceContacts(service: ServiceInCharge): string {
  const parts = [
    service.address ? `Adresse : ${service.address}` : null,
    service.email ? `courriel : ${service.email}` : null,
    service.phone ? `téléphone : ${service.phone}` : null,
  ].filter((p): p is string => p !== null);
  if (parts.length === 0) return '';
  const line = parts.join(', ');
  return `${line.charAt(0).toUpperCase()}${line.slice(1)}.`;
}

/** The values of the merge fields for one item. */
export function mergeValuesOf(
  item: ItemRow,
  org: AckOrganisation,
  letterhead: LetterheadRow,
  service: ServiceInCharge,
  now: Date,
): { values: MergeValues; sections: MergeSections } {
  const rule = item.implicitDecisionRule;
  const decisionDay = item.implicitDecisionDate && rule ? item.implicitDecisionDate : null;
  return {
    values: {
      'sender.name': item.senderName,
      'item.number': item.registrationNumber,
      'item.receivedDate': frenchDate(item.receivedAt, org.timeZone),
      'item.subject': item.subject,
      'item.dueDate': item.dueDate ? frenchDay(item.dueDate) : '',
      'service.name': service.name,
      'service.email': service.email ?? '',
      'service.phone': service.phone ?? '',
      'service.address': service.address ?? '',
      'service.contacts': serviceContacts(service),
      'implicitDecision.date': decisionDay ? frenchDay(decisionDay) : '',
      'implicitDecision.outcome': !decisionDay ? '' : rule === 'acceptance' ? 'acceptation' : 'rejet',
      'implicitDecision.meaning': !decisionDay
        ? ''
        : rule === 'acceptance'
          ? 'décision implicite d’acceptation'
          : 'décision implicite de rejet',
      'appeal.routes': decisionDay && rule === 'rejection' ? appealRoutes(letterhead) : '',
      'organisation.name': letterhead.organisationName,
      'organisation.address': letterhead.addressLines.join(', '),
      'executive.name': letterhead.executiveName ?? '',
      'executive.title': letterhead.executiveTitle ?? '',
      today: frenchDate(now, org.timeZone),
    },
    sections: {
      implicitDecision: decisionDay !== null,
      implicitAcceptance: decisionDay !== null && rule === 'acceptance',
      implicitRejection: decisionDay !== null && rule === 'rejection',
    },
  };
}

/** A postal address as typed (one line with commas, or several lines) → the lines of the address block. */
export function addressLinesOf(address: string | null): string[] {
  return (address ?? '')
    .split(/\r?\n|,\s*/)
    .map((l) => l.trim())
    .filter(Boolean);
}

/**
 * The acknowledgement of an item with the organisation's default template: the letter (for
 * DOCX, ODT, PDF) and the email that carries it. The caller has checked the actor sees the item.
 */
export async function buildAcknowledgement(
  tx: Queryable,
  item: ItemRow,
  org: AckOrganisation,
  now: Date = new Date(),
): Promise<Acknowledgement> {
  const template = await ensureDefaultTemplate(tx, org.id);
  const letterhead = await findLetterhead(tx, org);
  const service = await serviceInCharge(tx, item, letterhead);
  const { values, sections } = mergeValuesOf(item, org, letterhead, service, now);
  const subject = mergeTemplate(template.subject, values, sections);
  const bodyHtml = mergeTemplate(template.bodyHtml, values, sections, escapeXml);
  const signature = letterhead.executiveName
    ? { name: letterhead.executiveName, title: letterhead.executiveTitle ?? '' }
    : null;
  const letter: TLetter = {
    letterhead: { organisationName: letterhead.organisationName, lines: letterheadLines(letterhead) },
    place: letterhead.place,
    date: values.today,
    references: [
      { label: 'Nos réf.', value: item.registrationNumber },
      { label: 'Affaire suivie par', value: service.name },
    ],
    recipient: { name: item.senderName, addressLines: addressLinesOf(item.senderAddress) },
    subject,
    bodyHtml,
    signature,
  };
  const blocks = parseHtmlSubset(bodyHtml);
  const signatureLines = signature ? [signature.title, signature.name].filter(Boolean) : [];
  const footer = [letterhead.organisationName, ...letterheadLines(letterhead)];
  return {
    template,
    letter,
    email: {
      subject,
      text: [blocksToText(blocks), signatureLines.join('\n'), `-- \n${footer.join('\n')}`].filter(Boolean).join('\n\n'),
      html: `${blocksToHtml(blocks)}${signatureLines.length ? `<p>${signatureLines.map(escapeXml).join('<br>')}</p>` : ''}<p style="color:#555;font-size:90%">${footer.map(escapeXml).join('<br>')}</p>`,
    },
  };
}
