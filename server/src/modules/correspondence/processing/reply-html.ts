import { localDate } from '../../../platform/calendar/working-days';

/** The tags the reply editor produces and the letter renderers know; everything else keeps only its text. */
const ALLOWED = new Set([
  'p',
  'br',
  'strong',
  'b',
  'em',
  'i',
  'u',
  's',
  'ul',
  'ol',
  'li',
  'h2',
  'h3',
  'blockquote',
  'a',
]);
const DROPPED_WITH_CONTENT = /<(script|style|iframe|object|embed|template|noscript)\b[\s\S]*?(<\/\1\s*>|$)/gi;
const TAG = /<\/?([a-zA-Z][a-zA-Z0-9]*)\b([^<>]*)>/g;
const escapeText = (s: string) => s.replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * Keeps a reply's rich text to a safe subset: allowed tags without attributes (a link keeps
 * an http(s) or mailto `href`), comments and scripts removed, stray angle brackets escaped.
 * The web shows drafts and the letters are rendered from it.
 */
export function sanitiseReplyHtml(html: string): string {
  const cleaned = html.replace(/<!--[\s\S]*?(-->|$)/g, '').replace(DROPPED_WITH_CONTENT, '');
  let out = '';
  let last = 0;
  for (const m of cleaned.matchAll(TAG)) {
    out += escapeText(cleaned.slice(last, m.index));
    last = m.index + m[0].length;
    const name = (m[1] ?? '').toLowerCase();
    if (!ALLOWED.has(name)) continue;
    const closing = m[0].startsWith('</');
    if (closing) {
      if (name !== 'br') out += `</${name}>`;
      continue;
    }
    if (name === 'a') {
      const href = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i.exec(m[2] ?? '');
      const url = (href?.[1] ?? href?.[2] ?? href?.[3] ?? '').trim();
      out += /^(https?:|mailto:)/i.test(url) ? `<a href="${escapeAttr(url)}">` : '<a>';
      continue;
    }
    out += `<${name}>`;
  }
  return out + escapeText(cleaned.slice(last));
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface MergeValues {
  'sender.name': string;
  'sender.address': string;
  'item.registrationNumber': string;
  'item.subject': string;
  'item.receivedDate': string;
  'organisation.name': string;
  today: string;
}

/** A day as a French letter writes it: « 23 septembre 2026 ». */
export function frenchDate(instant: Date, timeZone: string): string {
  const day = localDate(instant, timeZone);
  return new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

/** Replaces `{{field}}` by its value (escaped for HTML when `html`); unknown fields stay as typed. */
export function applyMergeFields(text: string, values: MergeValues, html: boolean): string {
  return text.replace(/\{\{\s*([a-zA-Z.]+)\s*\}\}/g, (whole, key: string) => {
    const value = (values as unknown as Record<string, string | undefined>)[key];
    if (value === undefined) return whole;
    return html ? escapeHtml(value) : value;
  });
}

/** The plain text of a reply's HTML (the outgoing item's body, the e-mail's text part). */
export function replyText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|h2|h3|li|blockquote)>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
